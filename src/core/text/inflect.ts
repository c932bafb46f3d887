/**
 * Inflected personal names in Russian, Ukrainian and Polish, which decline
 * names by case: "Песков" is "Пескова", "Пескову", "Песковым" in running
 * text, "Putin" is "Putina", "Putinowi", "Putinem". The dataset holds the
 * dictionary form; a word of the text is turned back into every dictionary
 * form it may be a case of, by the endings of each declension ("-ому" is the
 * dative of an adjective in "-ий": "зеленскому" → "зеленскии"), and those are
 * looked up exactly. A word thus only ever matches a name that declines the
 * way the word does: "Пенсия" never becomes "Пенс", nor "Pompa" "Pompeo".
 *
 * Works on folded keys (fold.ts): й is и, ё is е, ї is і; ł is l, ą is a, ę is e.
 */

/** A stem before the ending must end in: C a consonant, V a vowel, S ж ш ч щ ц, K k or g; '' anything. */
type StemEnd = 'C' | 'V' | 'S' | 'K' | '';

/** [ending in the text, ending of the dictionary form, what the stem before it ends in]. */
type Ending = readonly [text: string, dictionary: string, stem: StemEnd];

const CYRILLIC_ENDINGS: readonly Ending[] = [
  // Men's names ending in a hard consonant: Песков, Єрмак, Путін → Пескова, Пескову, Песковым, Пескове; Єрмакові, Єрмаком, Путіні.
  ['а', '', 'C'],
  ['у', '', 'C'],
  ['е', '', 'C'],
  ['і', '', 'C'],
  ['ом', '', 'C'],
  ['ым', '', 'C'],
  ['им', '', 'C'],
  ['ові', '', 'C'],
  ['ем', '', 'S'],
  // In -ь: Игорь, Василь → Игоря, Игорю, Игорем, Игоре; Василеві.
  ['я', 'ь', 'C'],
  ['ю', 'ь', 'C'],
  ['ем', 'ь', 'C'],
  ['е', 'ь', 'C'],
  ['і', 'ь', 'C'],
  ['еві', 'ь', 'C'],
  // In -й (folded to и after a vowel): Сергей, Дмитрий, Андрій → Сергея, Дмитрию, Сергеем, Сергее; Андрієм, Андрієві.
  ['я', 'и', 'V'],
  ['ю', 'и', 'V'],
  ['ем', 'и', 'V'],
  ['е', 'и', 'V'],
  ['єм', 'и', 'V'],
  ['єві', 'и', 'V'],
  // Adjectives, men's: Зеленский, Толстой, Зеленський → Зеленского, Зеленскому, Зеленским, Зеленском; Зеленськім.
  ['ого', 'ии', 'C'],
  ['ого', 'ыи', 'C'],
  ['ого', 'ои', 'C'],
  ['его', 'ии', 'C'],
  ['ому', 'ии', 'C'],
  ['ому', 'ыи', 'C'],
  ['ому', 'ои', 'C'],
  ['ему', 'ии', 'C'],
  ['им', 'ии', 'C'],
  ['ым', 'ыи', 'C'],
  ['ым', 'ои', 'C'],
  ['ом', 'ии', 'C'],
  ['ом', 'ыи', 'C'],
  ['ом', 'ои', 'C'],
  ['ем', 'ии', 'C'],
  ['ім', 'ии', 'C'],
  // In -а, women's and men's: Захарова, Кулеба → Захаровой, Захарову, Кулебы, Кулебе; Захарової, Захаровій, Кулеби, Кулебі.
  ['ы', 'а', 'C'],
  ['и', 'а', 'C'],
  ['е', 'а', 'C'],
  ['у', 'а', 'C'],
  ['ои', 'а', 'C'],
  ['ою', 'а', 'C'],
  ['і', 'а', 'C'],
  ['оі', 'а', 'C'],
  ['іи', 'а', 'C'],
  // In -я: Мария, Кая, Марія → Марии, Марию, Марией, Каи, Кае; Марії, Марією.
  ['и', 'я', ''],
  ['ю', 'я', ''],
  ['еи', 'я', ''],
  ['ею', 'я', ''],
  ['е', 'я', ''],
  ['і', 'я', ''],
  ['єю', 'я', ''],
  // Adjectives, women's: Зеленская → Зеленской, Зеленскую, Зеленскою (Ukrainian "-ська" declines as a noun in -а).
  ['ои', 'ая', 'C'],
  ['ую', 'ая', 'C'],
  ['ою', 'ая', 'C'],
  // Ukrainian men's names in -о: Дмитро, Петро, Шевченко → Дмитра, Дмитрові, Дмитру, Дмитром.
  ['а', 'о', 'C'],
  ['ові', 'о', 'C'],
  ['у', 'о', 'C'],
  ['ом', 'о', 'C'],
];

const POLISH_ENDINGS: readonly Ending[] = [
  // Men's names ending in a consonant: Putin, Tusk, Pieskow, Andrzej → Putina, Putinowi, Putinem, Tuskiem, Putinie, Tusku.
  ['a', '', 'C'],
  ['owi', '', 'C'],
  ['em', '', 'C'],
  ['iem', '', 'K'],
  ['u', '', 'C'],
  ['ie', '', 'C'],
  // … whose last consonant changes before -e: Władimirze, Dawidzie, Robercie, Erneście, Pawle.
  ['rze', 'r', ''],
  ['dzie', 'd', ''],
  ['cie', 't', ''],
  ['scie', 'st', ''],
  ['le', 'l', ''],
  // Men's names in -e: Rutte → Ruttego, Ruttemu, Ruttem.
  ['ego', 'e', 'C'],
  ['emu', 'e', 'C'],
  ['em', 'e', 'C'],
  // Adjectives, men's: Zełenski, Sikorski, Nowy → Zełenskiego, Zełenskiemu, Zełenskim, Nowego, Nowym.
  ['iego', 'i', 'C'],
  ['iemu', 'i', 'C'],
  ['im', 'i', 'C'],
  ['ego', 'y', 'C'],
  ['emu', 'y', 'C'],
  ['ym', 'y', 'C'],
  // In -a, women's and men's: Kaja, Duda, Maria, Anna → Kai, Kaję, Dudy, Dudę, Dudzie, Marii, Annie, Beacie, Sobótce.
  ['y', 'a', 'C'],
  ['i', 'a', ''],
  ['i', 'ja', 'V'],
  ['e', 'a', ''],
  ['ie', 'a', 'C'],
  ['dzie', 'da', ''],
  ['cie', 'ta', ''],
  ['rze', 'ra', ''],
  ['ce', 'ka', ''],
  ['dze', 'ga', ''],
  ['le', 'la', ''],
  // Adjectives, women's: Zacharowa, Sikorska → Zacharowej, Sikorskiej.
  ['ej', 'a', 'C'],
  ['iej', 'a', 'C'],
];

const CYRILLIC_WORD = /^[а-яєіґ]+$/;
const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_VOWELS = 'аеиоуыэюяіє';
const CYRILLIC_SIBILANTS = 'жшчщц';
const LATIN_VOWELS = 'aeiouy';
/** Consonants an e drops before when the name declines (Павел → Павла, Marek → Marka, Paweł → Pawła). */
const FLEETING_BEFORE = 'клцklc';

/** A dictionary form this short ("мир", "dud") says too little on its own: a word alone needs its exact form. */
export const MIN_NAME_WORD = 4;

function stemEnds(stem: string, end: StemEnd, cyrillic: boolean): boolean {
  if (end === '') return true;
  const c = stem[stem.length - 1] ?? '';
  const vowels = cyrillic ? CYRILLIC_VOWELS : LATIN_VOWELS;
  if (end === 'V') return vowels.includes(c);
  if (end === 'S') return CYRILLIC_SIBILANTS.includes(c);
  if (end === 'K') return c === 'k' || c === 'g';
  // A consonant: not a vowel, nor a soft or hard sign.
  return !vowels.includes(c) && c !== 'ь' && c !== 'ъ';
}

/** Endings by their last letter, so a word tries only the few that can fit it. */
function byLastLetter(endings: readonly Ending[]): ReadonlyMap<string, readonly Ending[]> {
  const m = new Map<string, Ending[]>();
  for (const e of endings) {
    const last = e[0].slice(-1);
    m.set(last, [...(m.get(last) ?? []), e]);
  }
  return m;
}
const CYRILLIC_BY_LAST = byLastLetter(CYRILLIC_ENDINGS);
const POLISH_BY_LAST = byLastLetter(POLISH_ENDINGS);

/** The dictionary forms one word (no hyphen) may be a case of, itself first. */
function wordForms(word: string, cyrillic: boolean): string[] {
  const out = [word];
  const add = (form: string) => {
    if (!out.includes(form)) out.push(form);
  };
  for (const [text, dictionary, end] of (cyrillic ? CYRILLIC_BY_LAST : POLISH_BY_LAST).get(word.slice(-1)) ?? []) {
    if (!word.endsWith(text)) continue;
    const stem = word.slice(0, -text.length);
    // A stem is two letters at least: "ом" alone is no name.
    if (stem.length < 2 || !stemEnds(stem, end, cyrillic)) continue;
    add(stem + dictionary);
    // The e that drops before an ending in -ek, -eł, -ec: Павел → Павла, Paweł → Pawła, Marek → Marka.
    if (dictionary === '' && FLEETING_BEFORE.includes(stem.slice(-1)) && stemEnds(stem.slice(0, -1), 'C', cyrillic)) {
      add(`${stem.slice(0, -1)}${cyrillic ? 'е' : 'e'}${stem.slice(-1)}`);
    }
  }
  return out;
}

/** Text in Cyrillic script (Russian, Ukrainian, Belarusian …). */
export const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A word that may be a case of a name: Cyrillic, or Latin when `latin` (see dictionaryForms). Cheap, for the many words that are not. */
export function mayDecline(key: string, latin: boolean): boolean {
  if (latin) return true;
  const c = key.charCodeAt(0);
  return c >= 0x400 && c <= 0x4ff;
}

/** Forms already worked out, by word: a name's words come back several times as the lookups try where a name starts and ends. Emptied when full, so memory stays bounded however many pages are read. */
const memo = new Map<string, readonly string[] | null>();
const MEMO_SIZE = 5000;

/**
 * Every dictionary form a word of the text may be a case of, the word itself
 * first: "пескова" → ["пескова", "песков", "песково"], "zelenskiego" →
 * ["zelenskiego", "zelenski", …]. A part that is not a word of one alphabet
 * ("o'brien") is only itself. `latin` says Latin-script words inflect here
 * (Polish text); when it is false, a word that does not start in Cyrillic
 * gives null: it must match exactly, as it always did.
 */
export function dictionaryForms(key: string, latin: boolean): readonly string[] | null {
  if (!mayDecline(key, latin)) return null;
  const memoKey = latin ? `l${key}` : `c${key}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_SIZE) memo.clear();
  const forms = formsOf(key, latin);
  memo.set(memoKey, forms);
  return forms;
}

/** dictionaryForms, worked out. */
function formsOf(key: string, latin: boolean): readonly string[] | null {
  const parts = key.split('-');
  let out: string[] = [''];
  for (const [i, part] of parts.entries()) {
    const cyrillic = CYRILLIC_WORD.test(part);
    const isLatin = !cyrillic && LATIN_WORD.test(part);
    if (isLatin && !latin) return null;
    const forms = cyrillic || isLatin ? wordForms(part, cyrillic) : [part];
    // Both halves of a double surname decline ("Kosiniaka-Kamysza"); few words have many forms, so this stays small.
    out = out.flatMap((head) => forms.map((f) => (i === 0 ? f : `${head}-${f}`)));
  }
  return out;
}
