import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeieFormatError } from '../../../../packages/core/src/sources/oig-leie/errors';
import { splitLeieRows } from '../../../../packages/core/src/sources/oig-leie/splitLeieRows';

/** What csv-parse makes of the text, with the options the parser once used. */
const byCsvParse = (text: string, ending: string): string[][] | 'refused' => {
  try {
    return parse(text, {
      record_delimiter: [ending],
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch {
    return 'refused';
  }
};

const bySplit = (text: string, ending: '\r\n' | '\n') => {
  try {
    return splitLeieRows(text, ending);
  } catch (error) {
    if (error instanceof LeieFormatError && error.rule === 'quoting') {
      return 'refused';
    }
    throw error;
  }
};

describe('splitLeieRows', () => {
  it('splits quoted and bare fields, with doubled quotes inside', () => {
    const text = '"A","B ""C""",D,,""\r\n"E"\r\n';

    const rows = splitLeieRows(text, '\r\n');

    expect(rows).toEqual([['A', 'B "C"', 'D', '', ''], ['E']]);
  });

  it('keeps a line break that is not the delimiter inside its field', () => {
    const rows = splitLeieRows('"A\nB",C\r\n', '\r\n');

    expect(rows).toEqual([['A\nB', 'C']]);
  });

  it.each([
    ['a quote left open', '"A","B\r\n', 1],
    ['text after a closing quote', '"A"x,"B"\r\n', 1],
    ['a quote inside a bare field', 'A\r\nB"C\r\n', 2],
  ])('refuses %s, naming the row', (_case, text, row) => {
    expect(() => splitLeieRows(text, '\r\n')).toThrow(
      expect.objectContaining({ rule: 'quoting', row }),
    );
  });

  it('agrees with csv-parse on random CSV-like text', () => {
    const piece = fc.constantFrom(
      '"',
      '""',
      ',',
      'A',
      'BC',
      ' ',
      '\r\n',
      '\n',
      '\r',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
        (pieces, ending) => {
          const text = `${pieces.join('')}${ending}`;

          const ours = bySplit(text, ending);
          const reference = byCsvParse(text, ending);

          expect(ours).toEqual(reference);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
