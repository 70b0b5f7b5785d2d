import { familyNameKeys } from './familyNameKeys';
import { nameTokens } from './normalizeNamePart';
import type { NameComparison, NameMatchLevel, PersonName } from './types';

/** The verdict on one name part: how strong, and the code that says why. */
interface PartVerdict {
  level: NameMatchLevel;
  reason: string;
}

const compareFamily = (a: PersonName, b: PersonName): PartVerdict => {
  const keysA = familyNameKeys(a.familyName);
  const keysB = familyNameKeys(b.familyName);
  if (keysA.length === 0 || keysB.length === 0) {
    return { level: 'none', reason: 'family_absent' };
  }

  // The first key is the whole name without separators.
  if (keysA[0] === keysB[0]) {
    return { level: 'exact', reason: 'family_exact' };
  }
  const setB = new Set(keysB);
  if (keysA.some((key) => setB.has(key))) {
    return { level: 'probable', reason: 'family_part' };
  }

  return { level: 'none', reason: 'family_mismatch' };
};

const compareGiven = (a: PersonName, b: PersonName): PartVerdict => {
  const tokensA = nameTokens(a.givenName);
  const tokensB = nameTokens(b.givenName);
  const [firstA, firstB] = [tokensA[0], tokensB[0]];
  if (firstA === undefined || firstB === undefined) {
    return { level: 'none', reason: 'given_absent' };
  }

  const wholeA = tokensA.join('');
  const wholeB = tokensB.join('');
  if (wholeA === wholeB) {
    return { level: 'exact', reason: 'given_exact' };
  }
  const isInitialOf = (initial: string, other: string): boolean =>
    initial.length === 1 && other.startsWith(initial);
  if (isInitialOf(wholeA, wholeB) || isInitialOf(wholeB, wholeA)) {
    return { level: 'probable', reason: 'given_initial' };
  }
  if (firstA === firstB) {
    return { level: 'probable', reason: 'given_partial' };
  }

  return { level: 'none', reason: 'given_mismatch' };
};

const compareMiddle = (a: PersonName, b: PersonName): PartVerdict => {
  const tokensA = nameTokens(a.middleName);
  const tokensB = nameTokens(b.middleName);
  if (tokensA.length === 0 || tokensB.length === 0) {
    return { level: 'exact', reason: 'middle_absent' };
  }

  if (tokensA.join('') === tokensB.join('')) {
    return { level: 'exact', reason: 'middle_exact' };
  }
  // `J R` against `JOHN ROBERT`: word by word, an initial may stand for
  // the word it starts.
  const compatible = (x: string, y: string): boolean =>
    x === y ||
    (x.length === 1 && y.startsWith(x)) ||
    (y.length === 1 && x.startsWith(y));
  if (
    tokensA.length === tokensB.length &&
    tokensA.every((token, i) => compatible(token, tokensB[i] ?? ''))
  ) {
    return { level: 'exact', reason: 'middle_initial' };
  }

  return { level: 'probable', reason: 'middle_conflict' };
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
const compareNames = (a: PersonName, b: PersonName): NameComparison => {
  const verdicts = [
    compareFamily(a, b),
    compareGiven(a, b),
    compareMiddle(a, b),
  ];

  const weakest = verdicts.reduce((low, verdict) =>
    RANK[verdict.level] < RANK[low.level] ? verdict : low,
  );

  return {
    match: weakest.level,
    reasons: verdicts.map((verdict) => verdict.reason),
  };
};

export { compareNames };
