/**
 * Rules for the free text that reaches an email: names, labels, titles and
 * finding texts come from people and from sources, so they are cleaned
 * before a template sees them and screened for dates that look like a
 * date of birth.
 */

// Line breaks and other control characters in a name could forge lines in
// the text part or a header; tabs and newlines become one space.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]+/gu;

// Explicit bidi overrides and isolates let a name reverse the text after
// it (a classic spoofing trick). Letters keep their own direction, and
// `dir="auto"` in the HTML gives right-to-left names their layout.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

const MONTH =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

// Numeric forms (1980-04-12, 1980/4/12, 04/12/1980, 12.04.1980) and named
// months (April 12, 1980; 12 Apr 1980). An eight-digit run is left out on
// purpose: license numbers look exactly like it.
const DATE_LIKE = new RegExp(
  [
    '(?<!\\d)\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)',
    '(?<!\\d)\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}(?!\\d)',
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}\\b`,
  ].join('|'),
  'gi',
);

/** Collapses control characters and removes bidi overrides from text. */
const cleanUserText = (value: string): string =>
  value
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

/** Every substring of `value` that reads like a calendar date. */
const findDateLike = (value: string): string[] =>
  Array.from(value.matchAll(DATE_LIKE), (match) => match[0]);

/** True when `value` holds something that reads like a calendar date. */
const hasDateLike = (value: string): boolean => findDateLike(value).length > 0;

/**
 * Replaces every date in `value` except the `allowed` ones with a marker.
 * Finding texts may state the expiry date; any other date is withheld
 * because the template cannot tell an exclusion date from a birth date.
 */
const withholdDates = (value: string, allowed: readonly string[]): string =>
  value.replace(DATE_LIKE, (match) =>
    allowed.includes(match) ? match : '[date withheld]',
  );

export { cleanUserText, findDateLike, hasDateLike, withholdDates };
