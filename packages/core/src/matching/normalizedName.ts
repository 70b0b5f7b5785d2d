import { familyNameKeys } from './familyNameKeys';
import { nameTokens } from './normalizeNamePart';
import type { PersonName } from './types';

/**
 * A personal name reduced once to what `compareNormalizedNames` reads, so
 * a name compared many times (a worker against every candidate row, a row
 * against many workers) is normalised only once.
 */
interface NormalizedName {
  /** `familyNameKeys` of the family name: the whole name first. */
  familyKeys: readonly string[];
  given: NormalizedPart;
  middle: NormalizedPart;
}

/** One given or middle name, normalised. */
interface NormalizedPart {
  /** `nameTokens` of the part; empty when absent. */
  tokens: readonly string[];
  /** The tokens joined without separators; '' when absent. */
  whole: string;
}

/**
 * The first letter of a normalised given name, or `null` when the given
 * name is absent. Two given names can only match (see `compareNames`)
 * when their initials are equal, which makes the initial a safe index key.
 */
const givenInitial = (name: NormalizedName): string | null =>
  name.given.whole === '' ? null : name.given.whole.charAt(0);

/** How raw name parts become normalised parts and family keys. */
interface PartNormalizers {
  part: (value: string | null | undefined) => NormalizedPart;
  familyKeys: (value: string | null | undefined) => readonly string[];
}

const normalizePart = (value: string | null | undefined): NormalizedPart => {
  const tokens = nameTokens(value);

  return { tokens, whole: tokens.join('') };
};

const DIRECT: PartNormalizers = {
  part: normalizePart,
  familyKeys: familyNameKeys,
};

const fromParts = (
  name: PersonName,
  parts: PartNormalizers,
): NormalizedName => ({
  familyKeys: parts.familyKeys(name.familyName),
  given: parts.part(name.givenName),
  middle: parts.part(name.middleName),
});

/**
 * Normalises every part of a name as `compareNames` would (see
 * `normalizeNamePart`, `nameTokens`, `familyNameKeys`).
 *
 * @example normalizeName({ givenName: 'Ana', familyName: 'Smith-Jones' })
 *   // { familyKeys: ['SMITHJONES', 'SMITH', 'JONES'], given: { whole: 'ANA', ... }, ... }
 */
const normalizeName = (name: PersonName): NormalizedName =>
  fromParts(name, DIRECT);

const memoise = <T>(
  compute: (value: string | null | undefined) => T,
): ((value: string | null | undefined) => T) => {
  const known = new Map<string, T>();

  return (value) => {
    if (value === null || value === undefined) {
      return compute(value);
    }
    let result = known.get(value);
    if (result === undefined) {
      result = compute(value);
      known.set(value, result);
    }

    return result;
  };
};

/**
 * A `normalizeName` that remembers each raw part it has seen: a list of
 * 80 000 rows holds far fewer distinct first, middle and last names, so
 * building an index normalises each only once. Same rules, same results;
 * parts and key arrays are shared between names and must not be changed.
 * Drop the function when done to free its memory.
 */
const createNameNormalizer = (): ((name: PersonName) => NormalizedName) => {
  const parts: PartNormalizers = {
    part: memoise(normalizePart),
    familyKeys: memoise(familyNameKeys),
  };

  return (name) => fromParts(name, parts);
};

export type { NormalizedName, NormalizedPart };
export { createNameNormalizer, givenInitial, normalizeName };
