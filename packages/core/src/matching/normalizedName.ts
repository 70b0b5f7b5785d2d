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
  /** `nameTokens` of the given name; empty when absent. */
  givenTokens: readonly string[];
  /** The given tokens joined without separators; '' when absent. */
  givenWhole: string;
  /** `nameTokens` of the middle name; empty when absent. */
  middleTokens: readonly string[];
  /** The middle tokens joined without separators; '' when absent. */
  middleWhole: string;
}

/**
 * The first letter of a normalised given name, or `null` when the given
 * name is absent. Two given names can only match (see `compareNames`)
 * when their initials are equal, which makes the initial a safe index key.
 */
const givenInitial = (name: NormalizedName): string | null =>
  name.givenWhole === '' ? null : name.givenWhole.charAt(0);

/** How raw name parts become tokens and family keys. */
interface PartNormalizers {
  tokens: (value: string | null | undefined) => readonly string[];
  familyKeys: (value: string | null | undefined) => readonly string[];
}

const DIRECT: PartNormalizers = {
  tokens: nameTokens,
  familyKeys: familyNameKeys,
};

const fromParts = (
  name: PersonName,
  parts: PartNormalizers,
): NormalizedName => {
  const givenTokens = parts.tokens(name.givenName);
  const middleTokens = parts.tokens(name.middleName);

  return {
    familyKeys: parts.familyKeys(name.familyName),
    givenTokens,
    givenWhole: givenTokens.join(''),
    middleTokens,
    middleWhole: middleTokens.join(''),
  };
};

/**
 * Normalises every part of a name as `compareNames` would (see
 * `normalizeNamePart`, `nameTokens`, `familyNameKeys`).
 *
 * @example normalizeName({ givenName: 'Ana', familyName: 'Smith-Jones' })
 *   // { familyKeys: ['SMITHJONES', 'SMITH', 'JONES'], givenWhole: 'ANA', ... }
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
 * the token arrays are shared between names and must not be changed.
 * Drop the function when done to free its memory.
 */
const createNameNormalizer = (): ((name: PersonName) => NormalizedName) => {
  const parts: PartNormalizers = {
    tokens: memoise(nameTokens),
    familyKeys: memoise(familyNameKeys),
  };

  return (name) => fromParts(name, parts);
};

export type { NormalizedName };
export { createNameNormalizer, givenInitial, normalizeName };
