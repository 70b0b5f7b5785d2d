import { describe, expect, it } from 'vitest';
import { parseSamDate } from '../../../../packages/core/src/sources/sam/parseSamDate';

describe('parseSamDate', () => {
  it.each([
    ['06-24-2023', '2023-06-24'],
    ['06/24/2023', '2023-06-24'],
    ['2023-06-24', '2023-06-24'],
    [' 02-29-2024 ', '2024-02-29'],
  ])('reads %s as a day', (text, day) => {
    const date = parseSamDate(text);

    expect(date).toEqual({ kind: 'day', day });
  });

  it.each(['Indefinite', 'INDEFINITE'])('reads %s as indefinite', (text) => {
    const date = parseSamDate(text);

    expect(date).toEqual({ kind: 'indefinite' });
  });

  it.each([null, undefined, '', '  ', '--'])('reads %s as absent', (value) => {
    const date = parseSamDate(value);

    expect(date).toEqual({ kind: 'absent' });
  });

  it.each(['02-30-2023', '13-01-2023', '2023/06/24', 'June 24', 20230624])(
    'refuses %s',
    (value) => {
      const date = parseSamDate(value);

      expect(date).toEqual({ kind: 'invalid' });
    },
  );
});
