/**
 * People in the text: dataset people by full name, alias or (with care)
 * surname; officials the dataset does not know, introduced by a title
 * ("Estonian Defense Minister Margus Tsahkna"); and other named people the
 * article introduces, who may be quoted. Each person becomes one Entity with
 * all its mentions; later surnames and pronouns refer back to it.
 */
import { CUE_VERBS } from '../lexicon/cues.ts';
import { type Gender, GIVEN_NAMES } from '../lexicon/given-names.ts';
import {
  ADVERBIALS,
  ARTICLELESS_TITLES,
  COMMON_WORD_SURNAMES,
  COURTESY_TITLES,
  INSTITUTION_WORDS,
  MONTHS,
  NOT_NAME_START,
  OFFICE_WORDS,
  PERSON_DESCRIPTORS,
  TITLE_EQUIVALENTS,
  TITLE_MODIFIERS,
} from '../lexicon/words.ts';
import { fold } from '../text/fold.ts';
import { CYRILLIC } from '../text/inflect.ts';
import { PhraseIndex, type PhraseMatch } from '../text/phrases.ts';
import { spanText, stripPossessive, type Token, tokenAt } from '../text/tokens.ts';
import { type Context, isSentenceEnd, NON_PROSE } from './context.ts';

export interface Entity {
  /** Dataset id, or `text:<name>`. */
  key: string;
  id: string | null;
  name: string;
  gender: Gender | null;
  /** The title the article gives ("Estonian Defense Minister"), if any. */
  title: string | null;
  /** The title names an office (not just "Mr."). */
  titleIsOffice: boolean;
  /** Country code from the title's adjective ("Estonian" → EE), if any. */
  titleCountry: string | null;
  /** Role phrase in apposition ("Russia’s top military officer"), with its span. */
  appositive: { text: string; start: number; end: number } | null;
  mentions: Mention[];
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  block: number;
  /** Token range in the block. */
  from: number;
  to: number;
  via: 'name' | 'surname' | 'titled' | 'generic';
  /** Start of the title run before the name, when there is one (offset). */
  titleStart: number | null;
}

export interface People {
  entities: Entity[];
  /** Mentions per block, in text order. */
  byBlock: Mention[][];
  /** Registers a person found by attribution ("…,” said Pat Caddell). */
  introduce(bi: number, from: number, to: number): Mention | null;
}

const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'ten',
  'ter',
  'zu',
  'dos',
  'das',
  'y',
]);
const MAX_NAME_WORDS = 4;

/** Words after which a title's capitalised complement begins (an organisation or a ministry, not a name). */
const TITLE_COMPLEMENT = new Set(['of', 'the', 'for', 'at', 'de', 'del', 'des', 'du', 'di', 'della', 'da', 'do', 'la', 'le', 'el']);

/**
 * A role phrase ends at token j: a role word ("deputy", "spokeswoman"), perhaps followed by what it is the
 * role of ("la ministra de Derechos Sociales", "the minister of Foreign Affairs").
 */
function roleEndsAt(tokens: readonly Token[], j: number): boolean {
  for (let k = j; k >= 0 && j - k <= 6; k--) {
    const t = tokens[k];
    if (!t || t.kind === 'punct') return false;
    if (OFFICE_WORDS.has(t.key) || t.key === 'deputy' || PERSON_DESCRIPTORS.has(t.key)) return k === j || !t.upper || k === 0;
    if (!t.upper && !TITLE_COMPLEMENT.has(t.key)) return false;
  }
  return false;
}

/** A name as the text gives it, without a possessive ending: "Jan Example’s" and "Jan Example" are one person. */
const withoutPossessive = (name: string) => name.replace(/['’]s$/, '');

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind !== 'punct';
const isInitial = (tokens: readonly Token[], i: number) => {
  const t = tokens[i];
  const dot = tokens[i + 1];
  return t?.kind === 'word' && t.text.length === 1 && t.upper && dot?.text === '.' && dot.start === t.end;
};

export function findPeople(ctx: Context): People {
  const { data, date } = ctx;
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const localSurnames = new PhraseIndex<Entity>();
  const byBlock: Mention[][] = ctx.blocks.map(() => []);
  const givenNames = datasetGivenNames(ctx);
  /** A first name's gender from our list or the dataset's people, or null when we do not know the name. */
  const knownGender = (key: string): Gender | null => GIVEN_NAMES.get(key) ?? givenNames.get(key) ?? null;
  const nameAt = (tokens: readonly Token[], i: number) => data.nameAt(tokens, i, ctx.latinInflects);

  const entityFor = (key: string, make: () => Omit<Entity, 'mentions' | 'key'>): Entity => {
    let e = byKey.get(key);
    if (!e) {
      e = { key, ...make(), mentions: [] };
      byKey.set(key, e);
      entities.push(e);
      // Later mentions by surname alone refer back to this person.
      const words = e.name.split(/\s+/);
      if (words.length >= 2) {
        let s = words.length - 1;
        while (s > 1 && PARTICLES.has((words[s - 1] ?? '').toLowerCase())) s--;
        localSurnames.add(words.slice(s).join(' '), e);
      }
    }
    return e;
  };

  const datasetEntity = (id: string): Entity => {
    const p = data.people.get(id);
    return entityFor(id, () => ({
      id,
      name: p?.name ?? id,
      gender: p?.pronoun === 'she' ? 'f' : p?.pronoun === 'he' ? 'm' : null,
      title: null,
      titleIsOffice: false,
      titleCountry: null,
      appositive: null,
    }));
  };

  const addMention = (
    e: Entity,
    bi: number,
    tokens: readonly Token[],
    from: number,
    to: number,
    via: Mention['via'],
    title: TitleRun | null,
  ): Mention => {
    const first = tokens[from];
    const last = tokens[to - 1];
    const m: Mention = {
      entity: e,
      start: first?.start ?? 0,
      end: last?.end ?? 0,
      block: bi,
      from,
      to,
      via,
      titleStart: title ? (tokens[title.from]?.start ?? null) : null,
    };
    // "Shoigu’s": the mention is the name, not the possessive ending.
    if (last && /['’]s$/.test(last.text)) m.end = last.end - 2;
    e.mentions.push(m);
    if (title && e.title === null) {
      e.title = title.text;
      // "Chief executive Jan Example" runs a company, not an office of state.
      e.titleIsOffice = title.office && !CORPORATE_TITLE.test(title.text);
      e.titleCountry = title.country;
      if (e.gender === null && title.gender) e.gender = title.gender;
    }
    return m;
  };

  /** The title run right before token i: "Estonian Defense Minister", "Marine Gen.", "Russia’s", "Mr.". */
  interface TitleRun {
    from: number;
    text: string;
    office: boolean;
    country: string | null;
    gender: Gender | null;
    /** Every word of the title is capitalised ("Foreign Minister", "Sen."), as titles written before a name are. */
    capitalised: boolean;
  }
  const titleBefore = (tokens: readonly Token[], i: number): TitleRun | null => {
    let j = i;
    let office = false;
    let courtesy = false;
    let country: string | null = null;
    let gender: Gender | null = null;
    while (j > 0 && i - j < 8) {
      const t = tokens[j - 1];
      if (!t) break;
      if (t.text === '.' && j >= 2) {
        const w = tokens[j - 2];
        if (w && (OFFICE_WORDS.has(w.key) || COURTESY_TITLES.has(w.key) || TITLE_MODIFIERS.has(w.key))) {
          j--;
          continue;
        }
        break;
      }
      if (t.kind === 'punct') break;
      if (OFFICE_WORDS.has(t.key)) office = true;
      else if (COURTESY_TITLES.has(t.key)) {
        courtesy = true;
        if (t.key === 'mr' || t.key === 'herr' || t.key === 'monsieur' || t.key === 'pan' || t.key === 'sir') gender = 'm';
        else if (['mrs', 'ms', 'miss', 'frau', 'madame', 'mme', 'pani', 'dame'].includes(t.key)) gender = 'f';
      } else if (PERSON_DESCRIPTORS.has(t.key) && !t.upper && j === i) {
        // "pollster Stan Example": a description right before the name.
        courtesy = true;
      } else if (TITLE_MODIFIERS.has(t.key)) {
        // part of a title
      } else {
        const c = data.countryNames.matchAt(tokens, j - 1);
        const o = data.orgNames.matchAt(tokens, j - 1);
        if (c && c.to === j) {
          country = c.values[0] ?? null;
        } else if (!(o && o.to === j)) break;
      }
      j--;
    }
    // Multi-token country or organisation names ending just before: "North Atlantic Treaty Organization Secretary General".
    if (j === i) return null;
    // "the president of the Log Cabin Example": what follows "of the" is the organisation, not a name.
    // So is what follows "de"/"del" in other languages: "la ministra de Derechos Sociales", "presidente del Gobierno".
    if (TITLE_COMPLEMENT.has(tokens[i - 1]?.key ?? '')) return null;
    // Trim leading modifiers that are not part of a title ("the", "and").
    while (j < i && tokens[j] && ['the', 'and', 'of', 'for'].includes(tokens[j]?.key ?? '')) j++;
    if (!office && !courtesy) return null;
    const first = tokens[j];
    const last = tokens[i - 1];
    if (!first || !last) return null;
    const capitalised = tokens.slice(j, i).every((x) => x.kind === 'punct' || x.upper);
    return { from: j, text: spanText(ctx.text, first.start, last.end), office, country, gender, capitalised };
  };

  /** Capitalised run starting at i that may be a personal name: [i, end) in tokens. */
  const nameRun = (tokens: readonly Token[], i: number): number => {
    let j = i;
    let words = 0;
    while (j < tokens.length && words < MAX_NAME_WORDS) {
      const t = tokens[j];
      if (!t) break;
      if (isInitial(tokens, j)) {
        j += 2;
        words++;
        continue;
      }
      // Run-together initials: "G.K. Butterfield".
      if (t.kind === 'abbr' && t.text.length <= 6 && tokens[j + 1]?.kind === 'word' && tokens[j + 1]?.upper) {
        j++;
        words++;
        continue;
      }
      if (t.kind !== 'word' || !(t.upper || (PARTICLES.has(t.key) && tokens[j + 1]?.upper && j > i))) break;
      if (MONTHS.has(t.key) ? isDate(tokens, j) : j > i && NOT_NAME_START.has(t.key) && !PARTICLES.has(t.key)) break;
      // A country or an organisation in another case, or in Cyrillic, is not part of a name: "президент
      // Финляндии Саули Ниинистё" (a Latin "Jordan" or "Georgia" may be a first name).
      const place = data.countryAt(tokens, j, ctx.latinInflects) ?? data.declinedOrgAt(tokens, j, ctx.latinInflects);
      if (place && (place.keys !== undefined || CYRILLIC.test(t.text))) break;
      j++;
      words++;
    }
    // A name does not end on a particle.
    while (j > i && PARTICLES.has(tokens[j - 1]?.key ?? '')) j--;
    return j;
  };

  const isOrgOrPlace = (tokens: readonly Token[], i: number, end: number): boolean => {
    // "Democratic Congressional Campaign Committee", "Russian Premier League".
    if (INSTITUTION_WORDS.has(tokens[end - 1]?.key ?? '')) return true;
    const o = data.orgNames.matchAt(tokens, i) ?? data.declinedOrgAt(tokens, i, ctx.latinInflects);
    if (o && o.to >= end - 1) return true;
    const c = data.countryAt(tokens, i, ctx.latinInflects);
    return c !== null && c.to >= end - 1;
  };

  /**
   * "Daniil Medvedev" after or without Dmitry Medvedev: a capitalised word right before a surname the
   * article or the dataset knows, which is not a title and none of the known people's first names, is
   * the first name of someone else. Returns the person the pair names — the known one when the first
   * name is theirs in another spelling ("Dmitri") — or null when the word is no first name.
   */
  const namesake = (tokens: readonly Token[], i: number): { entity: Entity; to: number } | null => {
    const first = tokens[i - 1];
    const t = tokens[i];
    if (!first || !t || first.kind !== 'word' || !first.upper || t.start - first.end > 1) return null;
    const key = first.key;
    if (key.length < 3 || key.length > 11 || first.text === first.text.toUpperCase() || /['’]/.test(key)) return null;
    if (!looksLikeGivenName(key) || INSTITUTION_WORDS.has(t.key)) return null;
    if (data.countryAt(tokens, i - 1, ctx.latinInflects) || data.orgNames.matchAt(tokens, i - 1)) return null;
    const local = localSurnames.matchAt(tokens, i);
    const sur = data.surnameAt(tokens, i, ctx.latinInflects);
    const to = local?.to ?? sur?.to;
    if (to === undefined) return null;
    // The words before the surname, nearest first: a first name, perhaps after another ("Barack Hussein Obama").
    const before = [key];
    const second = tokens[i - 2];
    if (second?.kind === 'word' && second.upper && first.start - second.end <= 1) before.push(second.key);
    const theirs = (names: string[]) => before.some((b) => names.some((g) => sameGivenName(g, b)));
    for (const e of local?.values ?? []) {
      const words = e.id ? givenNamesOf(e.id) : e.name.split(/\s+/).slice(0, -1).map(fold);
      if (theirs(words)) return { entity: e, to };
    }
    for (const id of sur?.values ?? []) if (theirs(givenNamesOf(id))) return { entity: datasetEntity(id), to };
    // A capitalised word that opens a sentence or a headline is a first name only if it is a known one
    // ("Besides Clinton", "Endorsed Trump"); elsewhere any such word is.
    const known = knownGender(key) !== null;
    // (Cyrillic has no shape to go by: "Накануне Макрон" is "the day before, Macron".)
    const shapeUnknown = ctx.latinInflects || CYRILLIC.test(first.text) || !firstNameShaped(key);
    if (!known && (titleCased(tokens) || (opensSentence(tokens, i - 1) && shapeUnknown))) return null;
    const last = tokens[to - 1];
    const name = withoutPossessive(spanText(ctx.text, first.start, last?.end ?? t.end));
    const entity = entityFor(`text:${name}`, () => ({
      id: null,
      name,
      gender: knownGender(key) ?? guessGender(key),
      title: null,
      titleIsOffice: false,
      titleCountry: null,
      appositive: null,
    }));
    return { entity, to };
  };

  /** The words before the surname in a dataset person's names: "dmitry", "dmitri", "дмитрии", "anatolyevich". */
  const givenNamesOf = (id: string): string[] => {
    const p = data.people.get(id);
    if (!p) return [];
    return [p.name, ...p.aliases].flatMap((a) => {
      const words = a.split(/\s+/).map(fold);
      return words.length > 1 ? words.slice(0, -1) : words;
    });
  };

  /** An office title before a surname fits the person: their role at the date, or the title the text gave them. */
  const fitsOffice = (e: Entity, title: TitleRun): boolean => {
    const words = title.text.toLowerCase();
    return e.id
      ? data.rolesAt(e.id, date).some((r) => titleFits(words, r.title, r.kind))
      : (e.title?.toLowerCase().includes(words) ?? false);
  };

  /** Those of several people sharing a surname whom the title before it fits: "Mr." a man, "President" the president. */
  const fitting = (list: readonly Entity[], title: TitleRun | null): readonly Entity[] => {
    if (!title || list.length < 2) return list;
    let fit = list.filter((e) => !(title.gender && e.gender && title.gender !== e.gender));
    if (title.office) {
      const office = fit.filter((e) => fitsOffice(e, title));
      if (office.length) fit = office;
    }
    return fit.length ? fit : list;
  };

  const datasetSurnameFits = (tokens: readonly Token[], i: number, title: TitleRun | null): boolean => {
    const sur = data.surnameAt(tokens, i, ctx.latinInflects);
    return sur !== null && acceptSurname(sur, tokens, title) !== null;
  };

  /** Accept a dataset surname alone? `found` is what the surname was found under, its dictionary form when the text inflects it. */
  const acceptSurname = (found: PhraseMatch<string>, tokens: readonly Token[], title: TitleRun | null): string | null => {
    const ids = found.values;
    const key = (found.keys ?? tokens.slice(found.from, found.to).map((t) => t.key)).join(' ');
    const i = found.from;
    // Already mentioned in full: refer back.
    const known = ids.filter((id) => byKey.has(id));
    if (known.length === 1) return known[0] ?? null;
    if (known.length > 1) return null;
    // An inflected word that opens a sentence may be any noun ("Ramię w ramię", "Путина" the fishing
    // season): it names someone only once the article has named them in full.
    const inflected = found.keys?.some((k, n) => k !== tokens[i + n]?.key) ?? false;
    if (inflected && opensSentence(tokens, i)) return null;
    const active = ids.filter((id) => data.rolesAt(id, date).length > 0);
    if (title?.office) {
      // "President Trump": the title must fit an office the person holds at the date.
      const words = title.text.toLowerCase();
      const fits = active.filter((id) => data.rolesAt(id, date).some((r) => titleFits(words, r.title, r.kind)));
      if (fits.length === 1) return fits[0] ?? null;
    }
    if (COMMON_WORD_SURNAMES.has(stripPossessive(key))) return null;
    // "based in Austin, Texas", "at Wallace": a place or thing after a preposition of place.
    if (['in', 'at', 'near', 'outside'].includes(tokens[i - 1]?.key ?? '')) return null;
    if (active.length === 1 && ids.length === 1 && !sentenceInitialAmbiguous(tokens, i)) return active[0] ?? null;
    return null;
  };

  // Namesakes named in full anywhere come first: a headline's "Medvedev" is the body's "Daniil Medvedev".
  for (const { block, tokens } of ctx.blocks) {
    if (NON_PROSE.has(block.kind)) continue;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i]?.upper && tokens[i - 1]?.upper && !nameAt(tokens, i - 1)) namesake(tokens, i);
    }
  }

  ctx.blocks.forEach(({ block, tokens }, bi) => {
    if (NON_PROSE.has(block.kind)) return;
    /** End of the last mention in this block: a first name must not be part of one. */
    let consumedTo = 0;
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      const monthAsName =
        t !== undefined && MONTHS.has(t.key) && !isDate(tokens, i) && tokens[i + 1]?.upper === true && tokens[i + 1]?.kind === 'word';
      if (!t || t.kind === 'punct' || !t.upper || (NOT_NAME_START.has(t.key) && !monthAsName && !nameAt(tokens, i))) {
        i++;
        continue;
      }
      // 1. A dataset name or alias.
      const full = nameAt(tokens, i);
      // Title words ("Defense", "Secretary", "Gen.", "Marine") are not where a name starts.
      const courtesyBefore = afterCourtesy(tokens, i) && !VOCATIVE_TITLES.has(t.key);
      if (!full && !courtesyBefore && (OFFICE_WORDS.has(t.key) || TITLE_MODIFIERS.has(t.key) || COURTESY_TITLES.has(t.key))) {
        i++;
        continue;
      }
      const title = titleBefore(tokens, i);
      if (full) {
        const id = pickHomonym(full.values, ctx);
        addMention(datasetEntity(id), bi, tokens, i, full.to, 'name', title);
        i = consumedTo = full.to;
        continue;
      }
      // An acronym before a name is an organisation, not part of the name: "MON Jan Example", "NATO chief".
      const next = tokens[i + 1];
      if (
        t.kind === 'word' &&
        t.text.length >= 2 &&
        t.text === t.text.toUpperCase() &&
        /\p{L}/u.test(t.text) &&
        next?.upper &&
        next.text !== next.text.toUpperCase()
      ) {
        i++;
        continue;
      }
      const run = nameRun(tokens, i);
      const runWords = tokens.slice(i, run).filter(isWord).length;
      // "Президентка Ради Оксана Example": a word before a known first name in a Cyrillic run is the title's
      // complement in the genitive, not part of the name.
      const nextKey = tokens[i + 1]?.key ?? '';
      if (runWords >= 3 && CYRILLIC.test(t.text) && !GIVEN_NAMES.has(t.key) && knownGender(nextKey) !== null) {
        i++;
        continue;
      }
      // A dataset name that starts inside the run wins: "міністр оборони України Денис Example" is not a name from "України".
      let inner = false;
      for (let x = i + 1; x < run && !inner; x++) inner = nameAt(tokens, x) !== null;
      if (inner) {
        i++;
        continue;
      }
      // 2. A multi-word name the dataset does not know.
      if (runWords >= 2 && !isOrgOrPlace(tokens, i, run)) {
        const firstKey = t.key;
        const gender = knownGender(firstKey);
        // "Sybiha’s deputy, Mariana Example,": a name in apposition after a role.
        // (Unless it ends in a surname the dataset knows, spelled another way: "El ministro de Exteriores, Dmitro Kuleba,".)
        const afterRole =
          tokens[i - 1]?.text === ',' &&
          roleEndsAt(tokens, i - 2) &&
          /^[,;.)]$/.test(tokens[run]?.text ?? '.') &&
          !datasetSurnameFits(tokens, run - 1, null);
        // Evidence after the run counts for a name, not for a description ("the Wisconsin Republican said").
        const described = ['the', 'a', 'an'].includes(tokens[i - 1]?.key ?? '') || /['’]s$/.test(t.text);
        if (title || gender !== null || afterRole || (!described && plainNameRun(tokens, i, run) && actsAsPerson(tokens, run))) {
          const name = withoutPossessive(spanText(ctx.text, t.start, tokens[run - 1]?.end ?? t.end));
          const e = entityFor(`text:${name}`, () => ({
            id: null,
            name,
            gender: title?.gender ?? gender ?? guessGender(firstKey),
            title: null,
            titleIsOffice: false,
            titleCountry: null,
            appositive: null,
          }));
          addMention(e, bi, tokens, i, run, title?.office ? 'titled' : 'generic', title);
          i = consumedTo = run;
          continue;
        }
      }
      // A first name before a known surname that is none of that person's: "Daniil Medvedev" is not
      // Dmitry Medvedev, "Siim Kallas" not Kaja Kallas. The pair is someone else, named in full here.
      const other = i > consumedTo ? namesake(tokens, i) : null;
      if (other) {
        addMention(other.entity, bi, tokens, i - 1, other.to, 'generic', titleBefore(tokens, i - 1));
        i = consumedTo = other.to;
        continue;
      }
      // 3. A surname of someone already named in this article.
      const local = localSurnames.matchAt(tokens, i);
      // "President Obama" before the body names Barack Obama: an office title none of them fits goes to the dataset.
      const officeElsewhere = title?.office === true && local !== null && !local.values.some((e) => fitsOffice(e, title));
      if (local && (local.to >= run || runWords <= 1) && !(officeElsewhere && datasetSurnameFits(tokens, i, title))) {
        const e = latestBefore(fitting(local.values, title), t.start);
        if (e) {
          addMention(e, bi, tokens, i, local.to, 'surname', title);
          i = consumedTo = local.to;
          continue;
        }
      }
      // 4. A dataset surname alone.
      const sur = data.surnameAt(tokens, i, ctx.latinInflects);
      if (sur && (sur.to >= run || runWords <= 1)) {
        const id = acceptSurname(sur, tokens, title);
        if (id) {
          addMention(datasetEntity(id), bi, tokens, i, sur.to, 'surname', title);
          i = consumedTo = sur.to;
          continue;
        }
      }
      // 5. A single capitalised word after an office or courtesy title: "Sen. McCain", "Minister Kuleba", "Mr. King".
      if (
        runWords <= 1 &&
        title &&
        (title.office || courtesyBefore) &&
        title.capitalised &&
        tokens[i + 1]?.key !== 'of' &&
        !isOrgOrPlace(tokens, i, i + 1) &&
        !MONTHS.has(t.key) &&
        !INSTITUTION_WORDS.has(t.key) &&
        !INSTITUTION_WORDS.has(tokens[i + 1]?.key ?? '') &&
        // A headline in Title Case capitalises its verb: "Minister Slams …", "President Warns …".
        !CUE_VERBS.has(t.key)
      ) {
        const name = withoutPossessive(t.text);
        const e = entityFor(`text:${name}`, () => ({
          id: null,
          name,
          gender: title.gender,
          title: null,
          titleIsOffice: false,
          titleCountry: null,
          appositive: null,
        }));
        addMention(e, bi, tokens, i, i + 1, 'titled', title);
        i = consumedTo = i + 1;
        continue;
      }
      i++;
    }
  });

  for (const e of entities) {
    for (const m of e.mentions) byBlock[m.block]?.push(m);
  }
  for (const list of byBlock) list.sort((a, b) => a.start - b.start);
  for (const e of entities) findAppositive(ctx, e);

  return {
    entities,
    byBlock,
    introduce(bi, from, to) {
      const bt = ctx.blocks[bi];
      if (!bt) return null;
      const tokens = bt.tokens;
      const first = tokens[from];
      const last = tokens[to - 1];
      if (!first || !last) return null;
      const name = withoutPossessive(spanText(ctx.text, first.start, last.end));
      const e = entityFor(`text:${name}`, () => ({
        id: null,
        name,
        gender: knownGender(first.key) ?? (to - from > 1 ? guessGender(first.key) : null),
        title: null,
        titleIsOffice: false,
        titleCountry: null,
        appositive: null,
      }));
      const m = addMention(e, bi, tokens, from, to, 'generic', titleBefore(tokens, from));
      const list = byBlock[bi];
      if (list) {
        // Insert in text order (binary search), not a re-sort per new person.
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((list[mid]?.start ?? 0) <= m.start) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, m);
      }
      return m;
    },
  };
}

/**
 * A month word used as a month ("Jan. 5", "May 2016", "in May"), not as a
 * name ("Jan Kowalski", "Theresa May said"): followed by a number or a dot,
 * or preceded by a preposition.
 */
function isDate(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next && (/^\d/.test(next.text) || (next.text === '.' && next.start === tokens[i]?.end))) return true;
  return (
    prev !== undefined && ['in', 'of', 'since', 'until', 'by', 'from', 'early', 'late', 'mid', 'last', 'next', 'this'].includes(prev.key)
  );
}

/** Titles used to address an office holder: "Mr. President" names no one. */
const VOCATIVE_TITLES = new Set([
  'president',
  'speaker',
  'chairman',
  'chairwoman',
  'secretary',
  'minister',
  'ambassador',
  'mayor',
  'governor',
  'senator',
  'prime',
]);

/** Token i follows a courtesy title: "Mr. King", "Ms Example", "Dr. Example". */
function afterCourtesy(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (p?.text === '.') {
    const pp = tokens[i - 2];
    return pp !== undefined && pp.kind === 'word' && pp.end === p.start && COURTESY_TITLES.has(pp.key);
  }
  return p !== undefined && p.kind === 'word' && p.upper && COURTESY_TITLES.has(p.key) && p.key !== 'm';
}

/** First names of dataset people, with the pronoun the dataset gives them (built with the dataset index). */
function datasetGivenNames(ctx: Context): ReadonlyMap<string, Gender> {
  return ctx.data.givenNames;
}

/** Several people share this name: prefer the one in office at the article date. */
function pickHomonym(ids: readonly string[], ctx: Context): string {
  if (ids.length === 1) return ids[0] ?? '';
  return ids.find((id) => ctx.data.rolesAt(id, ctx.date).length > 0) ?? ids[0] ?? '';
}

/** Token i is the first word of its sentence, perhaps after an opening quote mark or dash. */
function opensSentence(tokens: readonly Token[], i: number): boolean {
  let j = i;
  while (j > 0 && /^["“„«‘—–-]$/.test(tokens[j - 1]?.text ?? '')) j--;
  return j === 0 || isSentenceEnd(tokens, j - 1);
}

/** A block in Title Case, as headlines are written: every word capitalised but the small ones ("of", "the"). */
function titleCased(tokens: readonly Token[]): boolean {
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (!t.upper && !TITLE_SMALL.has(t.key)) return false;
    if (++words > 40) break;
  }
  return words >= 3;
}

const TITLE_SMALL = new Set('a an the of in on at to for and or but nor by with from as vs via per into over'.split(' '));

/** Words that could all be parts of a name: no title, description, institution or sentence opener among them. */
function plainNameRun(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // The dot of an initial ("Vann R. Example") is part of a name; other punctuation is not.
    if (t?.kind !== 'word') {
      if (t?.text !== '.') return false;
      continue;
    }
    const key = t.key;
    if ((k === from && !looksLikeGivenName(key)) || SENTENCE_OPENERS.has(key)) return false;
    if (INSTITUTION_WORDS.has(key) || OFFICE_WORDS.has(key) || TITLE_MODIFIERS.has(key) || PERSON_DESCRIPTORS.has(key)) return false;
  }
  return true;
}

/**
 * What follows a capitalised run shows it is a person's name even when the first name is not one we
 * know: an age or a description in apposition ("Jana Example, 54,", "Jana Example, the ministry's
 * spokeswoman,") or a verb of saying ("Jana Example said", "Jana Example also told").
 */
function actsAsPerson(tokens: readonly Token[], run: number): boolean {
  const next = tokens[run];
  if (!next) return false;
  if (next.text === ',') {
    const a = tokens[run + 1];
    if (a?.kind === 'word' && /^\d{1,3}$/.test(a.text) && tokens[run + 2]?.text === ',') return true;
    for (let k = run + 1; k <= run + 5; k++) {
      const x = tokens[k];
      if (!x || x.kind === 'punct') break;
      if (!x.upper && (OFFICE_WORDS.has(x.key) || PERSON_DESCRIPTORS.has(x.key) || /^spokes(wo)?(man|person)$/.test(x.key))) return true;
      // "Jana Example, a 29-year-old medic,": an age.
      if (/^\d{1,3}-year-old$/.test(x.key)) return true;
    }
    return false;
  }
  const verb = ADVERBIALS.has(next.key) ? tokens[run + 1] : next;
  return verb !== undefined && !verb.upper && CUE_VERBS.get(verb.key)?.english === true;
}

/**
 * The likely gender of a first name we do not know, for "he"/"she" only (never as evidence of a name): in the
 * Slavic, Baltic and Romance languages most women's names end in -a ("Zoreslava", "Ione", not "Mykola").
 */
function guessGender(key: string): Gender | null {
  if (MALE_IN_A.has(key)) return 'm';
  return /[aая]$/.test(key) ? 'f' : null;
}
const MALE_IN_A = new Set(
  'mykola nikola kuzma ilya illia ilia luka luca nikita foma sasha misha grisha kolya vanya andrea joshua musa isa yahya osama attila jonah noah elijah'.split(
    ' ',
  ),
);

/** Titles of companies and teams, not of public office. */
const CORPORATE_TITLE =
  /\b(executive|ceo|chief (operating|financial|technology|marketing) officer|managing director|founder|coach|captain)\b/i;

/** Of several people sharing a surname, the one named most recently before `offset` (else the last known). */
function latestBefore(list: readonly Entity[], offset: number): Entity | undefined {
  let best: Entity | undefined;
  let bestAt = -1;
  for (const e of list) {
    for (const m of e.mentions) if (m.start < offset && m.start > bestAt) [best, bestAt] = [e, m.start];
  }
  return best ?? list[list.length - 1];
}

/**
 * An unknown word opening a sentence may be a first name ("Diego Costa scored") unless it reads as an
 * English word that opens sentences: a verb form or adverb ("Endorsed", "Impeaching", "Clearly") or a
 * preposition ("Besides", "Unlike").
 */
function firstNameShaped(key: string): boolean {
  // In Cyrillic (and in Polish text, see the caller) the word before a name is as often an adverb ("Позже").
  return /^[a-z]/.test(key) && !/(ed|ing|ly|es)$/.test(key) && !SENTENCE_OPENERS.has(key);
}

const SENTENCE_OPENERS = new Set(
  'besides unlike even absent despite like including without under except given per via amid among beyond toward towards inside outside behind plus versus whereas whether unless until asked told before after during since while'.split(
    ' ',
  ),
);

/** Not a title, function word or description: "Kremlchef", "Президент", "Yesterday" are no first names. */
function looksLikeGivenName(key: string): boolean {
  if (NOT_NAME_START.has(key) || OFFICE_WORDS.has(key) || TITLE_MODIFIERS.has(key) || COURTESY_TITLES.has(key)) return false;
  // Plural titles: "Senators Rubio and Cruz".
  if (key.endsWith('s') && (OFFICE_WORDS.has(key.slice(0, -1)) || PERSON_DESCRIPTORS.has(key.slice(0, -1)))) return false;
  if (PERSON_DESCRIPTORS.has(key) || MONTHS.has(key) || TITLE_EQUIVALENTS.has(key) || ARTICLELESS_TITLES.has(key)) return false;
  // German compounds that are titles: "Kremlchef", "Außenministerin", "Regierungssprecher".
  return !GERMAN_TITLE_ENDINGS.test(key);
}

const GERMAN_TITLE_ENDINGS =
  /(chef|chefin|minister|ministerin|kanzler|kanzlerin|prasident|prasidentin|sprecher|sprecherin|sekretar|sekretarin|vize|beauftragte|beauftragter|leiter|leiterin|general|berater|beraterin|botschafter|botschafterin|kommissar|kommissarin|abgeordnete|abgeordneter|vorsitzende|vorsitzender|politiker|politikerin|experte|expertin)$/;

/** Spellings of one first name: "Sergei"/"Sergey"/"Siergiej", "Wladimir"/"Vladimir", "Dmitrija"/"Dmitri". */
function sameGivenName(a: string, b: string): boolean {
  const x = normalGiven(a);
  const y = normalGiven(b);
  return x === y || editDistanceWithin(x, y, 2);
}

function normalGiven(key: string): string {
  return key.replace(/ks/g, 'x').replace(/kh|ch/g, 'h').replace(/ie/g, 'e').replace(/[yj]/g, 'i').replace(/w/g, 'v').slice(0, 6);
}

/** Levenshtein distance ≤ max, for short strings. */
function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

/** A capitalised surname at a sentence start that is also a frequent word would be a guess. */
function sentenceInitialAmbiguous(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return false;
  return isSentenceEnd(tokens, i - 1) && COMMON_WORD_SURNAMES.has(tokens[i]?.key ?? '');
}

/** Does a title in the text ("president", "defense secretary") fit a dataset office? */
export function titleFits(titleLower: string, officeTitle: string, kind: string): boolean {
  const t = titleLower.replace(/defence/g, 'defense');
  const o = officeTitle.toLowerCase().replace(/defence/g, 'defense');
  if (t.includes(o) || o.includes(t)) return true;
  const words = (s: string) => s.split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !['the', 'and', 'for', 'of'].includes(w));
  const tw = words(t);
  const ow = new Set(words(o));
  if (tw.some((w) => ow.has(w) && w !== 'minister' && w !== 'secretary')) return true;
  if (kind === 'head-of-state' && /\b(president|king|queen|monarch)\b/.test(t)) return true;
  if (kind === 'head-of-government' && /\b(prime|premier|chancellor)\b/.test(t)) return true;
  if (kind === 'defence-minister' && /\bdefense\b/.test(t)) return true;
  if (kind === 'foreign-minister' && /\bforeign\b/.test(t)) return true;
  if ((kind === 'chief-of-defence' || kind === 'military-commander') && /\b(gen|general|adm|admiral)\b/.test(t)) return true;
  return false;
}

/** "X, the chairman of the Joint Chiefs of Staff," / "Russia’s defense minister, Gen. Sergei Shoigu". */
function findAppositive(ctx: Context, e: Entity): void {
  for (const m of e.mentions) {
    const tokens = ctx.blocks[m.block]?.tokens;
    if (!tokens) continue;
    // After: ", <role phrase>,"
    if (tokens[m.to]?.text === ',') {
      const start = m.to + 1;
      let k = start;
      while (k < tokens.length && k - start < 14 && !/^[,;:()—–]$/.test(tokens[k]?.text ?? '') && !isSentenceEnd(tokens, k)) k++;
      const firstTok = tokens[start];
      if (
        k > start &&
        firstTok &&
        /^(the|a|an|[\p{L}]+['’]s|former|acting|deputy|then)$/iu.test(firstTok.text) &&
        !isCueStart(firstTok.key) &&
        // "X, a reçu … le secrétaire général de l’OTAN, Mark Rutte": the phrase describes the name after it.
        !(tokens[k]?.text === ',' && tokens[k + 1]?.upper && tokens[k + 2]?.upper && tokens[k + 1]?.kind === 'word')
      ) {
        const lastTok = tokens[k - 1];
        if (lastTok) {
          e.appositive = { text: spanText(ctx.text, firstTok.start, lastTok.end), start: firstTok.start, end: lastTok.end };
          return;
        }
      }
    }
    // Before: "<role phrase>, [title] Name"
    const tStart = m.titleStart !== null ? tokenAt(tokens, m.titleStart) : m.from;
    if (tStart > 1 && tokens[tStart - 1]?.text === ',') {
      let k = tStart - 2;
      while (k >= 0 && tStart - 2 - k < 10 && !/^[,;:()—–.]$/.test(tokens[k]?.text ?? '')) k--;
      const firstTok = tokens[k + 1];
      const lastTok = tokens[tStart - 2];
      if (firstTok && lastTok && /^[\p{L}]+['’]s$|^the$/iu.test(firstTok.text)) {
        e.appositive = { text: spanText(ctx.text, firstTok.start, lastTok.end), start: firstTok.start, end: lastTok.end };
        return;
      }
    }
  }
}

const isCueStart = (key: string) => key === 'said' || key === 'says' || key === 'told';
