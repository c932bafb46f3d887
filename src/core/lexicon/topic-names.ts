/**
 * The words that name NATO, Russia and Ukraine, in every language we read,
 * in lower case as pages write them. Kept apart from the rest of the topic
 * lexicon because the content script's cheap first check (src/page/gate.ts)
 * needs only these, on every page, before anything else is loaded; the core
 * folds them (src/core/lexicon/topic.ts).
 */

/** Words that name NATO. */
export const NATO_NAMES = 'nato otan нато north-atlantic nordatlantikpakt sojusz альянс альянсу альянса';

/** Words that name Russia or its state (besides the dataset's country names and organisations). */
export const RUSSIA_NAMES = `russia russian russians russia's kremlin moscow putin russland russische russischen russischer russen russie russe russes
  rusia ruso rusa rusos rosja rosji rosyjski rosyjskie rosyjskiej rosyjskich rosjanie moskwa kreml moskau moscou moscu mosca
  poutine putins russo russa russi russe россия россии российский
  российская российские российской кремль москва путин росія росії російський російська російські кремль москва путін`;

/** Words about Russia's war against Ukraine. */
export const UKRAINE_WAR_NAMES = `ukraine ukrainian ukrainians kyiv kiev donbas donbass donetsk luhansk crimea crimean kharkiv zaporizhzhia kherson
  ukraine ukrainische ukrainien ucrania ucraniano ukraina ukrainy ukrainski украина украины украинский україна україни
  kiew kyjiw kijow kiev krim crimee krym крым крим киев київ донбасс донбас`;

/** The words of one of the lists above. */
export const wordsOf = (list: string): string[] => list.split(/\s+/).filter(Boolean);
