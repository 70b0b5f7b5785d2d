import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLeieIndex } from '../../../../packages/core/src/sources/oig-leie/buildLeieIndex';
import { LeieFormatError } from '../../../../packages/core/src/sources/oig-leie/errors';
import {
  makeLeieCsv,
  makeLeieRows,
} from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { parseLeieCsv } from '../../../../packages/core/src/sources/oig-leie/parseLeieCsv';
import { screenSubject } from '../../../../packages/core/src/sources/oig-leie/screenSubject';
import type { LeieRecord } from '../../../../packages/core/src/sources/oig-leie/types';
import { makeSubject } from '../subjectFactory';
import { encode } from './factories';

const RUNS = { numRuns: 200 };

/** Parses, failing the property on any error other than LeieFormatError. */
const tryParse = (bytes: Uint8Array): LeieRecord[] | LeieFormatError => {
  try {
    return parseLeieCsv(bytes);
  } catch (error) {
    if (error instanceof LeieFormatError) {
      return error;
    }
    throw error;
  }
};

const ROWS = makeLeieRows(12, 3);
const VALID = makeLeieCsv(ROWS);

const WELL_FORMED = (record: LeieRecord): boolean =>
  (record.npi === null || /^[0-9]{10}$/.test(record.npi)) &&
  [record.dateOfBirth, record.exclusionDate, record.reinstatementDate].every(
    (date) => date === null || /^\d{4}-\d{2}-\d{2}$/.test(date),
  ) &&
  (record.lastName !== '' || record.businessName !== '');

describe('parseLeieCsv under hostile input', () => {
  it('throws only LeieFormatError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const outcome = tryParse(bytes);

        expect(
          outcome instanceof LeieFormatError || Array.isArray(outcome),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('throws only LeieFormatError on random text after a valid header', () => {
    const header = VALID.slice(0, VALID.indexOf('\r\n') + 2);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (tail) => {
        const outcome = tryParse(encode(`${header}${tail}`));

        if (Array.isArray(outcome)) {
          expect(outcome.every(WELL_FORMED)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('refuses every truncation except one at a line end, which loses no row it returns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: VALID.length - 1 }), (cut) => {
        const text = VALID.slice(0, cut);

        const outcome = tryParse(encode(text));

        const lineEnds = text.split('\r\n').length - 1;
        if (Array.isArray(outcome)) {
          expect(text.endsWith('\r\n')).toBe(true);
          expect(outcome).toHaveLength(lineEnds - 1);
        } else {
          expect(outcome).toBeInstanceOf(LeieFormatError);
        }
      }),
      RUNS,
    );
  });

  it('never gains or loses rows through character mutations', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(
        '"',
        ',',
        '\r',
        '\n',
        '\r\n',
        'Ã©',
        '0',
        'A',
        ' ',
        '\u0000',
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = VALID;
        for (const [at, kind, piece] of edits) {
          const i = at % text.length;
          const removed = kind === 'insert' ? 0 : 1;
          const added = kind === 'delete' ? '' : piece;
          text = text.slice(0, i) + added + text.slice(i + removed);
        }

        const outcome = tryParse(encode(text));

        if (Array.isArray(outcome)) {
          expect(outcome).toHaveLength(ROWS.length);
          expect(outcome.every(WELL_FORMED)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('screenSubject against generated lists', () => {
  const records = parseLeieCsv(encode(makeLeieCsv(makeLeieRows(400, 11))));
  const index = buildLeieIndex(records);
  const individuals = records.filter((record) => record.lastName !== '');
  const options = { listDate: '2024-03-08', today: '2024-03-20' };

  it('never clears a listed individual screened with their own name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...individuals),
        fc.boolean(),
        (record, withDob) => {
          const subject = makeSubject({
            givenName: record.firstName,
            middleName: record.middleName,
            familyName: record.lastName,
            dateOfBirth:
              withDob && record.dateOfBirth !== null
                ? record.dateOfBirth
                : undefined,
            npi: undefined,
          });

          const result = screenSubject(subject, index, options);

          expect(result.outcome).not.toBe('clear');
        },
      ),
      RUNS,
    );
  });

  it('never flags on a name alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...individuals), (record) => {
        const subject = makeSubject({
          givenName: record.firstName,
          familyName: record.lastName,
          dateOfBirth: undefined,
          npi: undefined,
        });

        const result = screenSubject(subject, index, options);

        expect(result.outcome).toBe('needs_review');
      }),
      RUNS,
    );
  });
});
