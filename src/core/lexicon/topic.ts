/**
 * Vocabulary for topic detection, by language. Security stems are matched as
 * prefixes of folded words ("militar" covers military, militär, militaire,
 * militares, militarnych); keep each stem specific enough not to hit
 * everyday words.
 */
import { fold } from '../text/fold.ts';
import { NATO_NAMES, RUSSIA_NAMES, UKRAINE_WAR_NAMES } from './topic-names.ts';

const list = (s: string) => s.split(/\s+/).filter(Boolean).map(fold);

/** Words that name NATO (src/core/lexicon/topic-names.ts), folded. */
export const NATO_WORDS = new Set(list(NATO_NAMES));

/** Words that name Russia or its state (src/core/lexicon/topic-names.ts), folded. */
export const RUSSIA_WORDS = new Set(list(RUSSIA_NAMES));

/** Words about Russia's war against Ukraine (src/core/lexicon/topic-names.ts), folded. */
export const UKRAINE_WAR_WORDS = new Set(list(UKRAINE_WAR_NAMES));

/**
 * Security and foreign-policy stems. A folded word counts when it starts
 * with one of these (and is at least as long as the stem).
 */
export const SECURITY_STEMS = list(`
  militar military troop army armies armed weapon missile rocket-launch nuclear warhead sanction invasion invad
  annex occupation occupied offensive counteroffensive ceasefire cease-fire frontline front-line battlefield
  artillery shelling airstrike air-strike drone tank battalion brigade regiment soldier deterr defense defence
  security espionage spy spies intelligence sabotage hybrid cyberattack disinformation propaganda diplomat diplomacy
  treaty summit alliance allies allied ally ambassador embassy minister war warfare wartime combat strike strikes attack
  airspace navy naval fleet submarine warship mobiliz mobilis conscript mercenar wagner kremlin pentagon
  hack cyber interfer meddl election-interference espionag geopolit foreign-policy negotiat peace-talks truce
  hacker einmischung ingerence piratage injerencia hackeo ingerencj вмешательств хакер кибер втручан
  drohn dron дрон беспилот безпілот flugabwehr luftabwehr cessez waffenstillstand frieden negocjac перемир
  krieg kriegs truppe waffe rakete verteidigung sicherheit sanktion angriff soldat armee bundeswehr bundnis
  guerre troupe arme missile defense securite attaque soldat armee otan
  guerra tropa arma misil defensa seguridad ataque soldado ejercito
  wojsk wojn bron rakiet obron bezpieczen sankcj atak zolnierz armi inwazj wywiad sabotaz dywersj
  воен войск войн оружи ракет оборон безопасност санкци атак солдат арми вторжени разведк ядерн
  війн військ зброя зброї ракет оборон безпек санкці атак солдат армі вторгнен розвідк ядерн
  patrol frigate patrouill kriegsschiff fregatte marine navire fregate patrull buque fragata alianza
  okret marynark fregat sojusz патрул корабл флот фрегат альянс диверси саботаж
`);

/** Stems that show the Russia in a story is sport, space, business or culture — not security. */
export const OTHER_DOMAIN_STEMS = list(`
  football soccer hockey tennis olympic athlete match tournament championship league goal coach player doping
  cosmonaut spacecraft spaceship launchpad orbit astronaut roscosmos iss space-station
  ballet concert museum novel film festival recipe fashion tourism
  market shares stock investor earnings revenue
`);
