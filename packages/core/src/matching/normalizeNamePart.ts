/**
 * Letters that NFKD leaves whole although a reader sees a base letter in
 * them; without this `ØSTBY` would never meet `OSTBY`.
 */
const TRANSLITERATIONS: Record<string, string> = {
  Æ: 'AE',
  æ: 'AE',
  Ð: 'D',
  ð: 'D',
  Đ: 'D',
  đ: 'D',
  ı: 'I',
  Ł: 'L',
  ł: 'L',
  Ø: 'O',
  ø: 'O',
  Œ: 'OE',
  œ: 'OE',
  ß: 'SS',
  Þ: 'TH',
  þ: 'TH',
};

const TRANSLITERATED = /[ÆæÐðĐđıŁłØøŒœßÞþ]/g;

/** Apostrophes join (O'Brien is OBRIEN), unlike other punctuation. */
const APOSTROPHES = /['`´‘’ʼ]/g;

const COMBINING_MARKS = /\p{M}/gu;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Text already in normal form: upper-case ASCII words, one space apart.
 * Most LEIE names look like this, and every step below would leave them
 * unchanged, so they skip the steps.
 */
const ALREADY_NORMAL = /^[A-Z0-9]+(?: [A-Z0-9]+)*$/;

/**
 * Values that sources write where they have no name. Checked after
 * normalisation, so `n/a`, `N.A.` and ` NONE ` are caught alike. `NA` is
 * deliberately absent: it is a real family name.
 */
const PLACEHOLDERS = new Set(['N A', 'NULL', 'NONE', 'UNKNOWN', 'NMN', 'NMI']);

/** Generational suffixes that sources put into name fields, ignored. */
const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV']);

/**
 * Normalises one name part for comparison: apostrophes removed, Unicode
 * NFKD with diacritics stripped, upper case, every other run of punctuation
 * or whitespace collapsed to one space, trimmed.
 *
 * @returns the normalised text, or `null` when the part is absent: missing,
 *   empty, made only of punctuation (`--`), or a placeholder (`N/A`).
 * @example normalizeNamePart("  o'Brien-Núñez ") // 'OBRIEN NUNEZ'
 */
const normalizeNamePart = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) {
    return null;
  }

  const normalized = ALREADY_NORMAL.test(value)
    ? value
    : value
        .replace(APOSTROPHES, '')
        .normalize('NFKD')
        .replace(COMBINING_MARKS, '')
        .replace(TRANSLITERATED, (letter) => TRANSLITERATIONS[letter] ?? letter)
        .toUpperCase()
        .replace(NOT_LETTER_OR_DIGIT, ' ')
        .trim();

  if (normalized === '' || PLACEHOLDERS.has(normalized)) {
    return null;
  }

  return normalized;
};

/** True when a name part carries no usable value (see `normalizeNamePart`). */
const isAbsentNamePart = (value: string | null | undefined): boolean =>
  normalizeNamePart(value) === null;

/**
 * The normalised tokens of a name part with generational suffixes removed.
 * A suffix is kept when it is the only token, so a part never disappears
 * by accident.
 */
const nameTokens = (value: string | null | undefined): string[] => {
  const normalized = normalizeNamePart(value);
  if (normalized === null) {
    return [];
  }

  // Most names are one word: no split, and a suffix alone is kept anyway.
  if (!normalized.includes(' ')) {
    return [normalized];
  }
  const tokens = normalized.split(' ');
  const withoutSuffixes = tokens.filter((token) => !SUFFIXES.has(token));

  return withoutSuffixes.length > 0 ? withoutSuffixes : tokens;
};

export { isAbsentNamePart, nameTokens, normalizeNamePart };
