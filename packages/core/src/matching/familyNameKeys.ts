import { nameTokens } from './normalizeNamePart';

/**
 * Connecting words of compound family names. They are never a key on
 * their own (a lookup under `DE` would match half the list) and they bind
 * to the word that follows them (`DE LA CRUZ`).
 */
const PARTICLES = new Set([
  'AL',
  'BEN',
  'BIN',
  'D',
  'DA',
  'DAS',
  'DE',
  'DEL',
  'DELA',
  'DELLA',
  'DEN',
  'DER',
  'DES',
  'DI',
  'DO',
  'DOS',
  'DU',
  'E',
  'EL',
  'LA',
  'LE',
  'LES',
  'LOS',
  'ST',
  'TEN',
  'TER',
  'VAN',
  'VON',
  'Y',
]);

/** Tokens of one letter say too little to be looked up on their own. */
const MIN_PART_LENGTH = 2;

/**
 * Splits tokens into groups, each made of leading particles and the word
 * they bind to: `DE LA CRUZ REYES` gives `[DE LA CRUZ] [REYES]`. Trailing
 * particles with no word after them form no group.
 */
const particleGroups = (tokens: readonly string[]): string[][] => {
  const groups: string[][] = [];
  let pending: string[] = [];
  for (const token of tokens) {
    pending.push(token);
    if (!PARTICLES.has(token)) {
      groups.push(pending);
      pending = [];
    }
  }

  return groups;
};

/**
 * Every normalised key under which a family name is indexed or looked up.
 *
 * Rules, in the spirit of OIG's advice to check each part of a hyphenated
 * name:
 * - the whole name without separators (`SMITH-JONES`, `Smith Jones` and
 *   `SMITHJONES` all give `SMITHJONES`), suffixes (JR, SR, II, III, IV)
 *   removed;
 * - each particle group without separators (`De la Cruz Reyes` gives
 *   `DELACRUZ` and `REYES`), so a listing written `DELACRUZ` is found;
 * - each word that is not a particle (`CRUZ`, `SMITH`, `JONES`);
 * - parts (not the whole) shorter than two letters are left out: a key
 *   `O` would match every `O` on the list.
 *
 * Two names share a key exactly when `compareNames` finds their family
 * names at least partly compatible, so an index built on these keys finds
 * every candidate that comparison would accept.
 *
 * @returns distinct keys, the whole name first; empty for an absent name
 * @example familyNameKeys('Smith-Jones') // ['SMITHJONES', 'SMITH', 'JONES']
 */
const familyNameKeys = (name: string | null | undefined): string[] => {
  const tokens = nameTokens(name);
  if (tokens.length <= 1) {
    // One word is its own only key, particle or not, however short.
    return tokens;
  }

  const keys = new Set<string>([tokens.join('')]);
  const parts = [
    ...particleGroups(tokens).map((group) => group.join('')),
    ...tokens.filter((token) => !PARTICLES.has(token)),
  ];
  for (const part of parts) {
    if (part.length >= MIN_PART_LENGTH) {
      keys.add(part);
    }
  }

  return [...keys];
};

export { familyNameKeys };
