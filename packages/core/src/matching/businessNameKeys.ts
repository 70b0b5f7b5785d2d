import { normalizeNamePart } from './normalizeNamePart';

/**
 * Words that say what kind of legal body a business is, not which one.
 * Removed at the end of a name (and `THE` at its start), so `Acme Home
 * Care, L.L.C.` and `ACME HOME CARE INC` give the same key.
 */
const DESIGNATORS = new Set([
  'CO',
  'COMPANY',
  'CORP',
  'CORPORATION',
  'INC',
  'INCORPORATED',
  'LIMITED',
  'LLC',
  'LLP',
  'LP',
  'LTD',
  'PA',
  'PC',
  'PLC',
  'PLLC',
  'PSC',
  'SC',
]);

/** Words that join a business's other names to it. */
const ALIAS_MARKERS = new Set(['AKA', 'DBA', 'FKA']);

/**
 * Joins runs of one-letter tokens, the trace of dotted abbreviations:
 * `L L C` (from `L.L.C.`) becomes `LLC`, `D B A` becomes `DBA`.
 */
const joinLetterRuns = (tokens: readonly string[]): string[] => {
  const joined: string[] = [];
  let run = '';
  for (const token of tokens) {
    if (token.length === 1) {
      run += token;
    } else {
      if (run !== '') joined.push(run);
      run = '';
      joined.push(token);
    }
  }
  if (run !== '') joined.push(run);

  return joined;
};

/** The key of one name: designators and `AND` dropped, words joined. */
const keyOf = (tokens: readonly string[]): string => {
  const words = tokens.filter((token) => token !== 'AND');
  let end = words.length;
  while (end > 1 && DESIGNATORS.has(words[end - 1] ?? '')) end -= 1;
  const start = words[0] === 'THE' && end > 1 ? 1 : 0;

  return words.slice(start, end).join('');
};

/**
 * Every normalised key under which a business name is indexed or looked
 * up. Two businesses match when they share a key.
 *
 * Rules, loose on purpose (a match on a business name is only ever a
 * `needs_review` without an NPI to confirm it):
 * - case, diacritics, apostrophes and punctuation never matter (see
 *   `normalizeNamePart`); dotted abbreviations are joined (`L.L.C.` is
 *   `LLC`); `&` and `AND` are ignored;
 * - legal designators at the end (LLC, INC, CORP, CO, LTD, PC, PA, PLLC,
 *   ...) and a leading `THE` are removed, unless nothing else is left;
 * - spaces are removed (`HOMECARE` is `HOME CARE`);
 * - a name with `DBA`, `AKA` or `FKA` gives a key for the whole and one
 *   for each name it joins (`ACME LLC DBA SUNRISE CARE` is found under
 *   `SUNRISECARE` too).
 *
 * @returns distinct keys, the whole name first; empty for an absent name
 * @example businessNameKeys('The Acme Home-Care, L.L.C.') // ['ACMEHOMECARE']
 */
const businessNameKeys = (name: string | null | undefined): string[] => {
  const normalized = normalizeNamePart(name);
  if (normalized === null) {
    return [];
  }

  const tokens = joinLetterRuns(normalized.split(' '));
  const keys = new Set<string>([keyOf(tokens)]);
  let segment: string[] = [];
  for (const token of [...tokens, 'DBA']) {
    if (ALIAS_MARKERS.has(token)) {
      if (segment.length > 0) keys.add(keyOf(segment));
      segment = [];
    } else {
      segment.push(token);
    }
  }
  keys.delete('');

  return [...keys];
};

export { businessNameKeys };
