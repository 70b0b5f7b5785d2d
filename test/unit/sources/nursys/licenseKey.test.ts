import { describe, expect, it } from 'vitest';
import {
  licenseKey,
  licenseQueryOf,
} from '../../../../packages/core/src/sources/nursys/licenseKey';
import { makeSubject } from '../subjectFactory';

describe('licenseKey', () => {
  it('ignores case and surrounding or inner spaces', () => {
    expect(
      licenseKey({
        jurisdiction: ' ks',
        licenseType: 'rn ',
        licenseNumber: ' rn 004217 ',
      }),
    ).toBe('KS|RN|RN004217');
  });

  it('keeps leading zeros, so two numbers stay two licenses', () => {
    const padded = licenseKey({
      jurisdiction: 'KS',
      licenseType: 'RN',
      licenseNumber: '0042',
    });
    const bare = licenseKey({
      jurisdiction: 'KS',
      licenseType: 'RN',
      licenseNumber: '42',
    });

    expect(padded).not.toBe(bare);
  });
});

describe('licenseQueryOf', () => {
  it('normalises a usable license', () => {
    const subject = makeSubject({
      license: { jurisdiction: 'ks', number: ' rn004217', type: 'rn' },
    });

    expect(licenseQueryOf(subject)).toEqual({
      jurisdiction: 'KS',
      licenseNumber: 'RN004217',
      licenseType: 'RN',
    });
  });

  it.each([
    [undefined, 'license_missing'],
    [
      { jurisdiction: 'Kansas', number: 'RN1', type: 'RN' },
      'license_jurisdiction_invalid',
    ],
    [
      { jurisdiction: 'KS', number: 'RN1', type: 'LPN' },
      'license_type_invalid',
    ],
    [
      { jurisdiction: 'KS', number: 'RN#1', type: 'RN' },
      'license_number_invalid',
    ],
  ])('refuses %j as invalid_input (%s)', (license, code) => {
    const subject = makeSubject(license === undefined ? {} : { license });

    const result = licenseQueryOf(subject);

    expect(result).toEqual({
      outcome: 'invalid_input',
      findings: [expect.objectContaining({ code })],
    });
  });
});
