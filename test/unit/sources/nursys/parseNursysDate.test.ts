import { describe, expect, it } from 'vitest';
import { parseNursysDate } from '../../../../packages/core/src/sources/nursys/parseNursysDate';

describe('parseNursysDate', () => {
  it.each([
    ['2027-06-30', '2027-06-30'],
    ['2027-06-30T00:00:00', '2027-06-30'],
    ['2027-06-30T23:59:59.997', '2027-06-30'],
    ['2027-06-30T00:00:00Z', '2027-06-30'],
    ['2027-06-30T23:30:00-05:00', '2027-06-30'],
    ['2027-06-30T00:30:00+14:00', '2027-06-30'],
    ['2027-06-30T00:30:00+0530', '2027-06-30'],
  ])('reads %s as the day written, %s', (text, day) => {
    expect(parseNursysDate(text)).toEqual({ kind: 'day', day });
  });

  it('keeps the written day of a zone-less timestamp in any local zone', () => {
    const late = parseNursysDate('2024-12-31T23:00:00');

    // A Date parse of a zone-less value would use the local time zone.
    expect(late).toEqual({ kind: 'day', day: '2024-12-31' });
  });

  it.each([null, undefined, '', '  ', '--'])('treats %s as absent', (value) => {
    expect(parseNursysDate(value)).toEqual({ kind: 'absent' });
  });

  it.each([
    '06/30/2027',
    '2027-02-30T00:00:00',
    '2027-06-30T24:00:00',
    '2027-06-30T10:00:00+25:00',
    '2027-06-30T10:00:00 PST',
    'Jun-30-2027',
    20270630,
    true,
    {},
  ])('refuses %s', (value) => {
    expect(parseNursysDate(value)).toEqual({ kind: 'invalid' });
  });
});
