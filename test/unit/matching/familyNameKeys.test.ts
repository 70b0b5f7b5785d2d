import { describe, expect, it } from 'vitest';
import { familyNameKeys } from '../../../packages/core/src/matching/familyNameKeys';

describe('familyNameKeys', () => {
  it('gives a simple name one key', () => {
    const keys = familyNameKeys('Pemberton');

    expect(keys).toEqual(['PEMBERTON']);
  });

  it('gives a hyphenated name its whole and each part', () => {
    const keys = familyNameKeys('Smith-Jones');

    expect(keys).toEqual(['SMITHJONES', 'SMITH', 'JONES']);
  });

  it('gives the same keys whether parts are hyphenated, spaced or joined in the whole', () => {
    const spaced = familyNameKeys('Smith Jones');

    expect(spaced).toEqual(familyNameKeys('SMITH-JONES'));
    expect(familyNameKeys('SMITHJONES')[0]).toBe(spaced[0]);
  });

  it('binds particles to the following word and never keys a particle alone', () => {
    const keys = familyNameKeys('De la Cruz Reyes');

    expect(keys).toEqual(['DELACRUZREYES', 'DELACRUZ', 'REYES', 'CRUZ']);
    expect(keys).not.toContain('DE');
    expect(keys).not.toContain('LA');
  });

  it('finds a compactly written listing through the particle group', () => {
    const worker = familyNameKeys('de la Cruz');
    const listing = familyNameKeys('DELACRUZ');

    expect(worker).toContain(listing[0]);
  });

  it('ignores suffixes and diacritics', () => {
    const keys = familyNameKeys('Núñez-Galloway Jr');

    expect(keys).toEqual(['NUNEZGALLOWAY', 'NUNEZ', 'GALLOWAY']);
  });

  it('leaves out one-letter parts', () => {
    const keys = familyNameKeys('O Darrow');

    expect(keys).toEqual(['ODARROW', 'DARROW']);
  });

  it.each([['--'], [''], ['N/A'], [undefined]])(
    'gives no key for the placeholder %j',
    (placeholder) => {
      const keys = familyNameKeys(placeholder);

      expect(keys).toEqual([]);
    },
  );
});
