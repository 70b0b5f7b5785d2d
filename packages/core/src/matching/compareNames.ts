import { type NormalizedName, normalizeName } from './normalizedName';
import type { NameComparison, NameMatchLevel, PersonName } from './types';

/** The verdict on one name part: how strong, and the code that says why. */
interface PartVerdict {
  level: NameMatchLevel;
  reason: string;
}

const verdict = (level: NameMatchLevel, reason: string): PartVerdict => ({
  level,
  reason,
});

/** True when the two key lists share a key (they hold a handful each). */
const shareKey = (keysA: readonly string[], keysB: readonly string[]) => {
  for (const key of keysA) {
    if (keysB.includes(key)) {
      return true;
    }
  }

  return false;
};

const compareFamily = (a: NormalizedName, b: NormalizedName): PartVerdict => {
  const keysA = a.familyKeys;
  const keysB = b.familyKeys;
  if (keysA.length === 0 || keysB.length === 0) {
    return verdict('none', 'family_absent');
  }

  // The first key is the whole name without separators.
  if (keysA[0] === keysB[0]) {
    return verdict('exact', 'family_exact');
  }
  if (shareKey(keysA, keysB)) {
    return verdict('probable', 'family_part');
  }

  return verdict('none', 'family_mismatch');
};

const isInitialOf = (initial: string, other: string): boolean =>
  initial.length === 1 && other.startsWith(initial);

const compareGiven = (a: NormalizedName, b: NormalizedName): PartVerdict => {
  const firstA = a.given.tokens[0];
  const firstB = b.given.tokens[0];
  if (firstA === undefined || firstB === undefined) {
    return verdict('none', 'given_absent');
  }

  const wholeA = a.given.whole;
  const wholeB = b.given.whole;
  if (wholeA === wholeB) {
    return verdict('exact', 'given_exact');
  }
  if (isInitialOf(wholeA, wholeB) || isInitialOf(wholeB, wholeA)) {
    return verdict('probable', 'given_initial');
  }
  if (firstA === firstB) {
    return verdict('probable', 'given_partial');
  }

  return verdict('none', 'given_mismatch');
};

/** Two middle words agree when equal or when one is the other's initial. */
const compatibleWord = (x: string, y: string): boolean =>
  x === y ||
  (x.length === 1 && y.startsWith(x)) ||
  (y.length === 1 && x.startsWith(y));

const compareMiddle = (a: NormalizedName, b: NormalizedName): PartVerdict => {
  const tokensA = a.middle.tokens;
  const tokensB = b.middle.tokens;
  if (tokensA.length === 0 || tokensB.length === 0) {
    return verdict('exact', 'middle_absent');
  }

  if (a.middle.whole === b.middle.whole) {
    return verdict('exact', 'middle_exact');
  }
  // `J R` against `JOHN ROBERT`: word by word, an initial may stand for
  // the word it starts.
  if (
    tokensA.length === tokensB.length &&
    tokensA.every((token, i) => compatibleWord(token, tokensB[i] ?? ''))
  ) {
    return verdict('exact', 'middle_initial');
  }

  return verdict('probable', 'middle_conflict');
};

const RANK: Record<NameMatchLevel, number> = {
  none: 0,
  probable: 1,
  exact: 2,
};

/**
 * Compares two personal names under the one set of rules every adapter
 * uses. Each part is normalised first (see `normalizeNamePart`): case,
 * diacritics, apostrophes and punctuation never matter, placeholders
 * (`--`, `N/A`, empty) count as absent, suffixes JR, SR, II, III, IV are
 * ignored.
 *
 * - Family name: the same whole name (separators ignored) is exact;
 *   sharing only a part (`Smith-Jones` and `JONES`, `De la Cruz` and
 *   `CRUZ`) is probable; anything else, or an absent family name on either
 *   side, is none.
 * - Given name: the same whole name is exact; an initial on one side that
 *   starts the other (`J` and `JANE`) is only probable; the same first word
 *   with more words on one side (`MARY` and `MARY ANN`) is probable;
 *   anything else, or an absent given name, is none. Nicknames are not
 *   equated (`BILL` is not `WILLIAM`).
 * - Middle name: absent on either side is compatible; the same name, or
 *   initials that start the other side's words one for one (`J` and
 *   `JAMES`, `J R` and `JOHN ROBERT`), is compatible; two different middle
 *   names lower the match to probable but never to none.
 *
 * The result is the weakest of the three verdicts.
 *
 * @returns the match level and one reason code per part
 * @example compareNames(
 *   { givenName: 'Ana', familyName: 'Smith-Jones' },
 *   { givenName: 'ANA', familyName: 'JONES' },
 * ) // { match: 'probable', reasons: ['family_part', 'given_exact', ...] }
 */
const compareNames = (a: PersonName, b: PersonName): NameComparison =>
  compareNormalizedNames(normalizeName(a), normalizeName(b));

/**
 * `compareNames` on names normalised beforehand (see `normalizeName`):
 * the same rules, for callers that compare one name with many.
 */
const compareNormalizedNames = (
  a: NormalizedName,
  b: NormalizedName,
): NameComparison => {
  const family = compareFamily(a, b);
  const given = compareGiven(a, b);
  const middle = compareMiddle(a, b);

  let weakest = family;
  if (RANK[given.level] < RANK[weakest.level]) weakest = given;
  if (RANK[middle.level] < RANK[weakest.level]) weakest = middle;

  return {
    match: weakest.level,
    reasons: [family.reason, given.reason, middle.reason],
  };
};

export { compareNames, compareNormalizedNames };
