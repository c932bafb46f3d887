/**
 * Word lists the analysis relies on: titles that introduce officials,
 * capitalised words that never start a name, time words, pronouns. All keys
 * are folded when the sets are built.
 */
import { fold } from '../text/fold.ts';

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(fold));

/**
 * Words that make up an official title before a name ("Defense Secretary",
 * "Marine Gen.", "Foreign Minister", "Außenminister"). A title must contain at
 * least one OFFICE_WORD to make its bearer an official.
 */
export const OFFICE_WORDS = set(`
  president vice-president premier minister prime chancellor vice-chancellor secretary secretary-general ambassador envoy
  spokesman spokeswoman spokesperson sen senator rep representative congressman congresswoman gov governor mayor director
  chief commander chairman chairwoman chair adviser advisor general gen lt lieutenant maj major brig brigadier adm admiral
  col colonel capt captain cmdr commodore sgt marshal field-marshal king queen prince pope patriarch speaker leader head
  commissioner attorney official diplomat negotiator ombudsman minister-president emir sheikh sultan ayatollah
  prasident präsident bundeskanzler kanzler kanzlerin bundesprasident ministerin aussenminister außenminister
  verteidigungsminister ministerprasident botschafter sprecher sprecherin generalsekretar regierungssprecher
  president presidente ministre ministro ministra premier porte-parole ambassadeur embajador portavoz canciller general
  secretario secretaire prezydent premier minister rzecznik ambasador general generał szef
  президент премьер премьер-министр министр глава пресс-секретарь посол генерал спикер председатель директор
  командующий секретарь помощник представитель
  прем'єр прем'єр-міністр міністр речник голова командувач секретар представник
  президентка міністерка прем'єрка речниця канцлерка секретарка представниця посолка
  prezydentka premierka ministra rzeczniczka ambasadorka kanclerz
  председательница
`);

/** Modifiers that may sit inside a title ("Deputy Foreign Minister", "Marine Gen.", "Acting Defense Secretary"). */
export const TITLE_MODIFIERS = set(`
  deputy acting former interim assistant under first second senior top chief special national security foreign defense
  defence interior home finance economy economic trade justice energy health education foreign-affairs state federal
  homeland intelligence military army navy naval air force marine marines coast guard joint staff press white house
  secretary of the for and affairs general supreme allied commander european union nato un u.n. pentagon kremlin
  armed forces ground space cyber operations majority minority republican democratic opposition party presidential
  prime vice lord high permanent mission foreign-policy deputy-prime
  stellvertretende stellvertretender ehemalige ehemaliger russische russischer ukrainische ukrainischer
  adjoint ancien ancienne ex des affaires etrangeres étrangères armees armées la le de du del asuntos exteriores defensa
  obrony narodowej spraw zagranicznych wiceminister wicepremier
  иностранных дел обороны заместитель бывший
  закордонних справ оборони заступник колишній
`);

/** Courtesy titles: they introduce a person but not an office. */
export const COURTESY_TITLES = set(
  'mr mrs ms miss dr prof sir dame lady lord herr frau monsieur madame m mme señor senora señora pan pani',
);

/**
 * Descriptions written before a name that make the name a person's but not an
 * office holder's: "pollster Stan Example", "radio host Jane Example",
 * "Politologe Max Example". They introduce a person the way "Mr." does.
 */
export const PERSON_DESCRIPTORS = set(`
  host anchor pollster strategist consultant professor analyst economist historian columnist commentator reporter
  correspondent journalist editor writer author publisher blogger lawyer activist organizer organiser founder co-founder
  executive ceo manager aide candidate nominee voter supporter resident owner member donor fundraiser lobbyist scholar
  researcher scientist expert student teacher pastor priest rabbi imam actor actress comedian singer rapper musician
  producer filmmaker physician doctor surgeon veteran blogger tycoon billionaire businessman businesswoman entrepreneur
  investor banker diplomat
  medic nurse paramedic soldier serviceman servicewoman sergeant officer commander fighter marine sailor pilot gunner
  volunteer worker farmer driver engineer mechanic miner shopkeeper pensioner retiree refugee survivor witness
  classmate colleague friend neighbour neighbor mother father son daughter wife husband brother sister widow grandmother
  grandfather mayor councillor councilor official
  politologe politologin analyst experte expertin journalist journalistin historiker historikerin
  politologue analyste expert journaliste historien historienne chercheur chercheuse
  politólogo politóloga analista experto experta periodista historiador historiadora
  politolog analityk ekspert ekspertka dziennikarz dziennikarka historyk
  политолог аналитик эксперт журналист историк політолог аналітик експерт журналіст історик
`);

/**
 * Bare titles in other languages, by the English word a role's title uses: "a déclaré le ministre",
 * "— добавил министр", "powiedział premier". Polish, Russian and Ukrainian titles need no article.
 */
export const TITLE_EQUIVALENTS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['minister', 'minister ministre ministro ministra ministerin министр міністр'],
      ['president', 'president president presidente prezydent prasident präsident президент'],
      ['chancellor', 'kanzler kanzlerin chancelier canciller kanclerz канцлер'],
      ['secretary', 'secretaire secretario sekretarz секретарь секретар generalsekretar'],
      ['general', 'general generał генерал'],
      [
        'spokes',
        'spokesman spokeswoman spokesperson porte-parole sprecher sprecherin portavoz rzecznik rzeczniczka пресс-секретарь речник речниця',
      ],
      ['prime minister', 'premier premierminister премьер прем’єр'],
      ['ambassador', 'ambassadeur botschafter embajador ambasador посол'],
      ['commander', 'commandant kommandeur comandante dowodca командующий командувач'],
    ] as const
  ).flatMap(([en, words]) => words.split(' ').map((w) => [fold(w), en] as const)),
);

/** Title words of languages without articles: a bare one is a role noun on its own ("— добавил министр"). */
export const ARTICLELESS_TITLES = set('министр міністр президент prezydent premier премьер канцлер kanclerz rzecznik rzeczniczka генерал');

/**
 * Nouns that describe a person already named, as the subject of a later
 * sentence: "the Wisconsin Republican said", "the Democratic presidential
 * candidate stated". With no title to match they refer back like a pronoun.
 */
export const DESCRIPTION_NOUNS = set(`
  republican democrat candidate nominee front-runner frontrunner incumbent challenger politician lawmaker legislator
  billionaire businessman businesswoman mogul
  journalist correspondent analyst expert historian economist researcher scholar professor activist dissident diplomat
  writer author lawyer attorney laureate commentator veteran
  journalistin analystin experte expertin historiker historikerin diplomatin politiker politikerin
  journaliste analyste experte historien historienne diplomate chercheur chercheuse militant militante écrivain écrivaine
  économiste avocat avocate lauréat lauréate politologue
  periodista analista experto experta historiador historiadora diplomático diplomática investigador investigadora
  activista escritor escritora economista abogado abogada politólogo politóloga
  dziennikarz dziennikarka analityk analityczka ekspert ekspertka historyk dyplomata politolog politolożka
  журналист журналистка аналитик эксперт историк дипломат политолог правозащитник
  журналіст журналістка аналітик експерт історик дипломат політолог правозахисник
`);

/** Capitalised words that never begin a person's name (sentence starters, function words). */
export const NOT_NAME_START = set(`
  the a an and but or nor so yet for if when while after before since because although though as at by in on of to from
  with without about above below over under into onto upon this that these those there here it its it's he she they we i you
  his her their our my your who whom whose which what where why how all some any each every both either neither no not
  one two three four five six seven eight nine ten first last next new old many more most much such other another
  mr mrs ms dr sir according also however meanwhile still yes thus then now today yesterday tomorrow tonight
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december jan feb mar apr jun jul aug sep sept oct nov dec
  der die das ein eine und aber oder wenn als auch le la les un une et mais ou el los las y pero o lo
  w na i oraz że в на и но или что
  как когда однако также это этот эта где если после затем теперь сейчас
  як коли проте також це цей ця де якщо після тепер зараз але та що
  jak gdy kiedy jednak także również to ten ta gdzie jeśli po teraz potem więc
  en dans avec pour sur chez par selon con para desde sobre según mit für nach bei seit laut
  breaking exclusive update analysis opinion editorial watch read photo video live
  l' d' qu' j' s' n' c' m' t'
`);

export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');
export const MONTHS = set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
);

/** Words that may sit between a subject and its speech verb ("Mattis also said Thursday"). */
export const ADVERBIALS = set(`
  also later then again previously once recently repeatedly publicly privately separately earlier further reportedly
  flatly simply already just often frequently never has have had would will did does do was were is are had been
  has previously later quickly bluntly angrily calmly quietly immediately subsequently initially originally ultimately
  finally himself herself themselves itself
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
  auch bereits noch aussi deja ya tambien rowniez już также уже також
  позднее позже ранее затем потом впоследствии вчера сегодня тогда пізніше раніше потім вчора сьогодні
  później wcześniej także potem wczoraj dziś später zuvor gestern heute ensuite hier luego despues ayer hoy
`);

// Spanish "él" and Polish "on" are left out: folded they are the article "el" and the English "on".
export const PRONOUNS_MASC = set('he him his himself er il он він');
export const PRONOUNS_FEM = set('she her herself sie elle ella ona она вона');
export const PRONOUNS_PLURAL = set('they them their we our ils elles ellos они вони');
export const PRONOUNS_FIRST = set('i we');

/**
 * Frequent Polish words that no other language written in Latin script
 * shares, even folded.
 */
export const POLISH_WORDS = set(`
  także również według będzie można został została zostało zostały który która które których jest oraz przez tylko
  jeszcze bardzo gdy kiedy dlaczego ponieważ więc wśród między podczas żeby
`);

/** The most frequent Polish words, as written: folded, they are German "sie", Dutch "ze", Czech "juz". */
export const POLISH_MARKED_WORDS = new Set(['się', 'że', 'już']);

/** Capitalised words that commonly are also surnames: a surname alone that is one of these needs a prior full mention. */
export const COMMON_WORD_SURNAMES = set(`
  may price rice brown bush hunt fox law wall young little white black green long short king cook baker read bell rich
  power ford lord love hope grant mills banks cash page field gates hill wood stone rose bishop park case lane more
  shepherd walker hall wise sharp strong small best hale reid ward day west north south east gray grey church ross
  waters frank gore berry craft burns bond paul truss
`);

/** Nouns that end the names of institutions, never a person's: "General Assembly", "Premier League". */
export const INSTITUTION_WORDS = new Set(
  'assembly league council committee party army forces command office ministry union bank fund court group staff board agency service guard navy corps cup championship conference summit forum parliament congress senate duma chamber commission secretariat administration government cabinet department academy school university institute center centre foundation company corporation federation club team network news times post journal'.split(
    ' ',
  ),
);
