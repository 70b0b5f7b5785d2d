import { describe, expect, it } from 'vitest';
import { precheckBoard } from '../../../../packages/core/src/sources/board-saas/precheckBoard';
import { KANSAS, LICENSE, licensedSubject } from './factories';

const license = (
  overrides: Partial<{ jurisdiction: string; number: string; type: string }>,
) =>
  licensedSubject({
    license: { jurisdiction: 'KS', number: LICENSE, type: 'RN', ...overrides },
  });

describe('precheckBoard', () => {
  it('lets a Kansas RN license through', () => {
    expect(precheckBoard(KANSAS, licensedSubject())).toBeNull();
  });

  it.each([
    ['lower-case jurisdiction and type', { jurisdiction: 'ks', type: 'rn' }],
    ['a dashed number', { number: '13-12345-071' }],
    ['an LPN license', { type: 'LPN' }],
  ])('lets %s through', (_case, overrides) => {
    expect(precheckBoard(KANSAS, license(overrides))).toBeNull();
  });

  it.each([
    ['no license', licensedSubject({ license: undefined }), 'license_missing'],
    [
      'another state',
      license({ jurisdiction: 'MO' }),
      'license_jurisdiction_mismatch',
    ],
    [
      'a number with a space',
      license({ number: 'RN 507918' }),
      'license_number_invalid',
    ],
    [
      'a number with a wildcard',
      license({ number: 'RN%' }),
      'license_number_invalid',
    ],
    [
      'a number that is only a dash',
      license({ number: '-' }),
      'license_number_invalid',
    ],
    ['an unknown type', license({ type: 'CNA' }), 'license_type_unknown'],
  ])('refuses %s without calling', (_case, subject, code) => {
    expect(precheckBoard(KANSAS, subject)).toEqual({
      outcome: 'invalid_input',
      findings: [expect.objectContaining({ code })],
    });
  });
});
