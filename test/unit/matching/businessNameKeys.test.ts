import { describe, expect, it } from 'vitest';
import { businessNameKeys } from '../../../packages/core/src/matching/businessNameKeys';

describe('businessNameKeys', () => {
  it.each([
    ['a designator', 'Acme Home Care LLC'],
    ['a dotted designator', 'Acme Home Care, L.L.C.'],
    ['another designator', 'ACME HOME CARE INC.'],
    ['two designators', 'Acme Home Care Co., Ltd'],
    ['a leading THE', 'The Acme Home Care Corporation'],
    ['joined words', 'ACME HOMECARE'],
    ['punctuation', 'Acme Home-Care'],
    ['case and diacritics', 'acmé home care'],
  ])('ignores %s', (_case, name) => {
    expect(businessNameKeys(name)).toEqual(['ACMEHOMECARE']);
  });

  it('ignores & and AND alike', () => {
    const a = businessNameKeys('Smith & Sons Staffing');
    const b = businessNameKeys('SMITH AND SONS STAFFING');

    expect(a).toEqual(b);
  });

  it('keeps a designator word inside the name', () => {
    expect(businessNameKeys('Co Op Pharmacy')).toEqual(['COOPPHARMACY']);
  });

  it('keeps a name made only of a designator', () => {
    expect(businessNameKeys('Inc.')).toEqual(['INC']);
  });

  it('gives each name joined by DBA, AKA or FKA a key of its own', () => {
    const keys = businessNameKeys('Acme LLC d/b/a Sunrise Care');

    expect(keys).toEqual(['ACMELLCDBASUNRISECARE', 'ACME', 'SUNRISECARE']);
  });

  it.each([
    ['empty', ''],
    ['a placeholder', 'N/A'],
    ['punctuation only', '--'],
  ])('gives no key for a name that is %s', (_case, name) => {
    expect(businessNameKeys(name)).toEqual([]);
  });

  it('tells different businesses apart', () => {
    expect(businessNameKeys('Acme Home Care')).not.toEqual(
      businessNameKeys('Acme Home Health'),
    );
  });
});
