import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../../../packages/core/src/npi/isValidNpi';
import {
  makeLeieCsv,
  makeLeieRow,
  makeLeieRows,
} from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { parseLeieCsv } from '../../../../packages/core/src/sources/oig-leie/parseLeieCsv';
import { encode } from './factories';

describe('makeLeieCsv', () => {
  it('writes the header, quotes every field and ends every line in CRLF', () => {
    const text = makeLeieCsv([makeLeieRow()]);

    const lines = text.split('\r\n');

    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^"LASTNAME","FIRSTNAME",.*"WVRSTATE"$/);
    expect(lines[1]?.split('","')).toHaveLength(18);
    expect(lines[2]).toBe('');
  });

  it('writes the placeholders OIG uses for absent NPI and dates', () => {
    const row = makeLeieRow({ npi: null, dateOfBirth: null });

    const [npi, dob] = [row[7], row[8]];

    expect([npi, dob]).toEqual(['0000000000', '00000000']);
  });
});

describe('makeLeieRows', () => {
  it('gives the same rows for the same seed and others for another', () => {
    const first = makeLeieRows(50, 42);

    const again = makeLeieRows(50, 42);

    expect(again).toEqual(first);
    expect(makeLeieRows(50, 43)).not.toEqual(first);
  });

  it('produces a full-size list the parser reads whole', () => {
    const bytes = encode(makeLeieCsv(makeLeieRows(80_000, 7)));

    const records = parseLeieCsv(bytes);

    expect(records).toHaveLength(80_000);
    expect(bytes.length).toBeGreaterThan(10_000_000);
    const withNpi = records.filter((record) => record.npi !== null);
    expect(withNpi.length).toBeGreaterThan(0);
    expect(withNpi.every((record) => isValidNpi(record.npi ?? ''))).toBe(true);
    expect(records.some((record) => record.businessName !== '')).toBe(true);
  });
});
