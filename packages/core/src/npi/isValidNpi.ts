import { NpiFormatError } from './errors';

/**
 * Luhn contribution of the card-issuer prefix `80840` that the NPI standard
 * puts in front of the ten digits. Adding it lets the check run over the
 * NPI alone.
 */
const PREFIX_CONTRIBUTION = 24;

const NINE_DIGITS = /^[0-9]{9}$/;
const TEN_DIGITS = /^[0-9]{10}$/;

/** The Luhn sum of the first nine digits, prefix included. */
const luhnSum = (first9: string): number => {
  let sum = PREFIX_CONTRIBUTION;
  // The check digit sits to the right, so the rightmost of these nine is
  // the first one Luhn doubles.
  for (let i = 0; i < 9; i += 1) {
    const digit = first9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }

  return sum;
};

/**
 * The check digit that completes nine NPI digits.
 *
 * The final `% 10` matters: without it a sum ending in 0 would give 10,
 * and NPIs whose check digit is 0 would be wrongly rejected.
 *
 * @param first9 - exactly nine ASCII digits
 * @throws NpiFormatError when `first9` is not nine ASCII digits
 */
const npiCheckDigit = (first9: string): number => {
  if (!NINE_DIGITS.test(first9)) {
    throw new NpiFormatError(
      'npiCheckDigit needs exactly nine ASCII digits; pass the NPI without its last digit',
      { context: { length: first9.length } },
    );
  }

  return (10 - (luhnSum(first9) % 10)) % 10;
};

/**
 * True when `value` is exactly ten ASCII digits whose last digit is the
 * Luhn check digit of the `80840`-prefixed number. No trimming: a value
 * with spaces or other characters is not an NPI.
 *
 * @example isValidNpi('1234567893') // true
 */
const isValidNpi = (value: string): boolean => {
  if (!TEN_DIGITS.test(value)) {
    return false;
  }

  return npiCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
};

export { isValidNpi, npiCheckDigit };
