import { describe, expect, it } from 'vitest';
import { NpiFormatError } from '../../../packages/core/src/npi/errors';
import {
  isValidNpi,
  npiCheckDigit,
} from '../../../packages/core/src/npi/isValidNpi';

/** Plain Luhn over the `80840`-prefixed number, written independently. */
const luhnWithPrefix = (npi: string): boolean => {
  const digits = `80840${npi}`.split('').map(Number).reverse();
  const sum = digits.reduce((total, digit, i) => {
    const value = i % 2 === 1 ? digit * 2 : digit;

    return total + (value > 9 ? value - 9 : value);
  }, 0);

  return sum % 10 === 0;
};

describe('isValidNpi', () => {
  it('accepts the registry example 1234567893', () => {
    const npi = '1234567893';

    const valid = isValidNpi(npi);

    expect(valid).toBe(true);
  });

  it('accepts an NPI whose check digit is 0', () => {
    const npi = '1234567000';

    const valid = isValidNpi(npi);

    expect(valid).toBe(true);
    expect(luhnWithPrefix(npi)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    const npi = '1234567894';

    const valid = isValidNpi(npi);

    expect(valid).toBe(false);
  });

  it.each([
    ['nine digits', '123456789'],
    ['eleven digits', '12345678930'],
    ['a leading space', ' 1234567893'],
    ['a trailing newline', '1234567893\n'],
    ['a letter', '12345678a3'],
    ['full-width digits', '１２３４５６７８９３'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    const valid = isValidNpi(value);

    expect(valid).toBe(false);
  });

  it('agrees with a plain Luhn over the prefixed number', () => {
    const first9 = ['100000000', '123456789', '198765432', '246813579'];

    for (const prefix of first9) {
      for (let check = 0; check <= 9; check += 1) {
        const npi = `${prefix}${check}`;

        expect(isValidNpi(npi)).toBe(luhnWithPrefix(npi));
      }
    }
  });
});

describe('npiCheckDigit', () => {
  it('completes nine digits into a valid NPI', () => {
    const first9 = '123456789';

    const check = npiCheckDigit(first9);

    expect(check).toBe(3);
    expect(isValidNpi(`${first9}${check}`)).toBe(true);
  });

  it('returns 0, not 10, when the sum already ends in 0', () => {
    const first9 = '123456700';

    const check = npiCheckDigit(first9);

    expect(check).toBe(0);
  });

  it('refuses anything but nine ASCII digits', () => {
    const attempt = () => npiCheckDigit('12345678');

    expect(attempt).toThrow(NpiFormatError);
  });
});
