/**
 * Folding for name matching: case, diacritics and typographic variants are
 * ignored so "Zelenskyy", "ZELENSKYY" and "Zełenskyy" compare equal, and
 * "Ё"/"Е" likewise. Applied to single tokens so offsets stay with the text.
 */

const EXTRA: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ʼ: "'",
  '’': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
};

const MARKS = /\p{M}+/gu;
const SPECIAL = /[łøđðþßæœıʼ’‘`´]/g;

const ASCII = /^[ -~\s]*$/;

export function fold(s: string): string {
  if (ASCII.test(s)) {
    const lower = s.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (c) => EXTRA[c] ?? c);
}

/** Folds a multi-word name to its canonical key: folded tokens joined by one space; hyphens count as spaces, dots and commas are dropped. */
export function nameKey(s: string): string {
  return fold(s)
    .replace(/[.,]/g, ' ')
    .replace(/[-‐‑–]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
