import { describe, expect, it } from 'vitest';
import {
  isAbsentNamePart,
  nameTokens,
  normalizeNamePart,
} from '../../../packages/core/src/matching/normalizeNamePart';

describe('normalizeNamePart', () => {
  it.each([
    ['strips diacritics and upper-cases', 'Núñez', 'NUNEZ'],
    ['removes apostrophes without a gap', "O'Brien", 'OBRIEN'],
    ['removes typographic apostrophes too', 'D’Angelo', 'DANGELO'],
    ['turns hyphens into spaces', 'Smith-Jones', 'SMITH JONES'],
    ['collapses whitespace', '  Mary \t  Ann ', 'MARY ANN'],
    ['drops periods of initials', 'J.', 'J'],
    ['transliterates letters NFKD keeps whole', 'Østby-Łukasz', 'OSTBY LUKASZ'],
    ['expands sharp s', 'Strauß', 'STRAUSS'],
    ['folds compatibility forms', 'ＡＮＡ', 'ANA'],
  ])('%s', (_rule, input, expected) => {
    const normalized = normalizeNamePart(input);

    expect(normalized).toBe(expected);
  });

  it.each([
    ['--'],
    ['-'],
    [''],
    ['   '],
    ['N/A'],
    ['n/a'],
    ['NULL'],
    ['None'],
    ['UNKNOWN'],
    ['NMN'],
    ['.'],
  ])('treats %j as absent', (placeholder) => {
    const normalized = normalizeNamePart(placeholder);

    expect(normalized).toBeNull();
    expect(isAbsentNamePart(placeholder)).toBe(true);
  });

  it('keeps NA, a real family name', () => {
    const normalized = normalizeNamePart('Na');

    expect(normalized).toBe('NA');
  });

  it('treats null and undefined as absent', () => {
    const values = [normalizeNamePart(null), normalizeNamePart(undefined)];

    expect(values).toEqual([null, null]);
  });
});

describe('nameTokens', () => {
  it('drops generational suffixes', () => {
    const tokens = nameTokens('Whitlock Jr.');

    expect(tokens).toEqual(['WHITLOCK']);
  });

  it.each([['SR'], ['II'], ['III'], ['IV']])('drops %s', (suffix) => {
    const tokens = nameTokens(`Kincaid ${suffix}`);

    expect(tokens).toEqual(['KINCAID']);
  });

  it('keeps a suffix that is the only token', () => {
    const tokens = nameTokens('IV');

    expect(tokens).toEqual(['IV']);
  });
});
