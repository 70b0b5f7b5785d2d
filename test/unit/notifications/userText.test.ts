import { describe, expect, it } from 'vitest';
import {
  cleanUserText,
  findDateLike,
  withholdDates,
} from '../../../packages/core/src/notifications/render/userText';

describe('findDateLike', () => {
  it.each([
    ['born 1984-07-19', '1984-07-19'],
    ['at 2026-03-12T14:05:00Z', '2026-03-12'],
    ['DOB 7/19/1984', '7/19/1984'],
    ['DOB 19.07.84', '19.07.84'],
    ['born Jul. 19th, 1984', 'Jul. 19th, 1984'],
    ['born 19 July 1984', '19 July 1984'],
  ])('finds the date in "%s"', (value, date) => {
    const found = findDateLike(value);

    expect(found).toEqual([date]);
  });

  it.each([
    'NPI 1234567893',
    'RN license 19840719',
    'License RN.123456',
    'version 1.2',
    'Listed since 2019',
  ])('finds no date in "%s"', (value) => {
    const found = findDateLike(value);

    expect(found).toEqual([]);
  });
});

describe('withholdDates', () => {
  it('withholds every date except the allowed ones', () => {
    const text = 'Born 1984-07-19, lapsed 2026-01-31.';

    const withheld = withholdDates(text, ['2026-01-31']);

    expect(withheld).toBe('Born [date withheld], lapsed 2026-01-31.');
  });
});

describe('cleanUserText', () => {
  it('collapses control characters and drops bidi overrides', () => {
    const value = '  Maren\t\u202eOkafor\r\n\u2066Lind\u0000qvist  ';

    const cleaned = cleanUserText(value);

    expect(cleaned).toBe('Maren Okafor Lind qvist');
  });

  it('keeps right-to-left letters and their marks', () => {
    const value = 'נועה\u200f כהן';

    const cleaned = cleanUserText(value);

    expect(cleaned).toBe(value);
  });
});
