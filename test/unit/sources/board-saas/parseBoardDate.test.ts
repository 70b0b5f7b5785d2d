import { describe, expect, it } from 'vitest';
import {
  formatBoardDate,
  parseBoardDate,
} from '../../../../packages/core/src/sources/board-saas/parseBoardDate';

describe('parseBoardDate', () => {
  it.each([
    ['Jan-30-2024', '2024-01-30'],
    ['Feb-29-2024', '2024-02-29'],
    ['Dec-01-1999', '1999-12-01'],
    [' Sep-09-2031 ', '2031-09-09'],
  ])('reads %s as %s', (text, day) => {
    expect(parseBoardDate(text)).toEqual({ kind: 'day', day });
  });

  it.each([null, undefined, '', '   '])('treats %j as absent', (value) => {
    expect(parseBoardDate(value)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['a day that does not exist', 'Feb-30-2024'],
    ['a leap day of a common year', 'Feb-29-2023'],
    ['an ISO date', '2024-01-30'],
    ['an upper-case month', 'JAN-30-2024'],
    ['a month name in full', 'January-30-2024'],
    ['a one-digit day', 'Jan-3-2024'],
    ['a two-digit year', 'Jan-30-24'],
    ['US slashes', '01/30/2024'],
    ['an unknown month', 'Foo-10-2024'],
    ['trailing text', 'Jan-30-2024 12:00'],
  ])('refuses %s', (_case, text) => {
    expect(parseBoardDate(text)).toEqual({ kind: 'invalid' });
  });

  it.each([20240130, true, {}, []])('refuses the non-string %j', (value) => {
    expect(parseBoardDate(value)).toEqual({ kind: 'invalid' });
  });

  it('writes a day back the board way', () => {
    expect(formatBoardDate('2027-11-30')).toBe('Nov-30-2027');
    expect(parseBoardDate(formatBoardDate('2024-02-29'))).toEqual({
      kind: 'day',
      day: '2024-02-29',
    });
  });
});
