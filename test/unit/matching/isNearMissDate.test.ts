import { describe, expect, it } from 'vitest';
import { isNearMissDate } from '../../../packages/core/src/matching/isNearMissDate';

describe('isNearMissDate', () => {
  it.each([
    ['one digit of the day', '1984-02-29', '1984-02-28'],
    ['one digit of the month', '1984-02-09', '1984-03-09'],
    ['one digit of the year', '1984-02-29', '1974-02-29'],
    ['neighbouring digits of the year swapped', '1984-02-29', '1948-02-29'],
    ['neighbouring digits of the day swapped', '1984-02-12', '1984-02-21'],
    ['day and month swapped', '1984-03-07', '1984-07-03'],
    ['day and month swapped, both two digits', '1984-11-12', '1984-12-11'],
  ])('accepts %s', (_case, a, b) => {
    expect(isNearMissDate(a, b)).toBe(true);
    expect(isNearMissDate(b, a)).toBe(true);
  });

  it.each([
    ['the same date', '1984-02-29', '1984-02-29'],
    ['two digits apart, not neighbours', '1984-02-29', '1985-02-28'],
    ['another year and month', '1984-02-29', '1990-11-29'],
    ['day and month swapped in another year', '1984-03-07', '1985-07-03'],
    ['neighbours across a dash', '1984-02-29', '1982-42-29'],
    ['a value that is not a date', '19840229', '19840228'],
  ])('refuses %s', (_case, a, b) => {
    expect(isNearMissDate(a, b)).toBe(false);
  });
});
