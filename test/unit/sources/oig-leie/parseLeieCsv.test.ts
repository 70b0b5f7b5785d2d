import { describe, expect, it } from 'vitest';
import { LeieFormatError } from '../../../../packages/core/src/sources/oig-leie/errors';
import {
  makeLeieCsv,
  makeLeieRow,
} from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { parseLeieCsv } from '../../../../packages/core/src/sources/oig-leie/parseLeieCsv';
import { encode, leieBytes, listedWorker, refusal } from './factories';

const HEADER =
  'LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE';

describe('parseLeieCsv', () => {
  it('reads an individual row into a record', () => {
    const bytes = leieBytes([
      listedWorker({
        npi: '1234567893',
        waiverDate: '2022-01-03',
        waiverState: 'OH',
      }),
    ]);

    const records = parseLeieCsv(bytes);

    expect(records).toEqual([
      {
        row: 2,
        lastName: 'MERRIWEATHER',
        firstName: 'DELPHINE',
        middleName: 'R',
        businessName: '',
        general: 'NURSING PROFESSION',
        specialty: 'NURSE/NURSES AIDE',
        npi: '1234567893',
        dateOfBirth: '1984-02-29',
        state: 'OH',
        exclusionType: '1128a1',
        exclusionDate: '2021-06-17',
        reinstatementDate: null,
        waiverDate: '2022-01-03',
        waiverState: 'OH',
      },
    ]);
  });

  it('reads an entity row with empty individual fields', () => {
    const bytes = leieBytes([{ businessName: 'LANTERN HILL PHARMACY INC' }]);

    const [record] = parseLeieCsv(bytes);

    expect(record).toMatchObject({
      lastName: '',
      firstName: '',
      businessName: 'LANTERN HILL PHARMACY INC',
      dateOfBirth: null,
      npi: null,
    });
  });

  it('treats the zero NPI and zero dates as absent', () => {
    const bytes = leieBytes([listedWorker({ npi: null, dateOfBirth: null })]);

    const [record] = parseLeieCsv(bytes);

    expect(record).toMatchObject({
      npi: null,
      dateOfBirth: null,
      reinstatementDate: null,
      waiverDate: null,
    });
  });

  it('numbers rows from the header, which is row 1', () => {
    const bytes = leieBytes([listedWorker(), listedWorker(), listedWorker()]);

    const records = parseLeieCsv(bytes);

    expect(records.map((record) => record.row)).toEqual([2, 3, 4]);
  });

  it('reads unquoted fields and doubled quotes inside quoted ones', () => {
    const text = `${HEADER}\r\n"QUINCEY","ADA","","","","","","0000000000","00000000","1 ""A"" ST",MAPLETON,OH,45001,1128b4,20190516,00000000,00000000,""\r\n`;

    const [record] = parseLeieCsv(encode(text));

    expect(record).toMatchObject({ lastName: 'QUINCEY', state: 'OH' });
  });

  it('reads an LF-only file the same as the CRLF one', () => {
    const people = [listedWorker(), listedWorker({ lastName: 'UPSHAW' })];

    const lf = parseLeieCsv(leieBytes(people, '\n'));

    expect(lf).toEqual(parseLeieCsv(leieBytes(people)));
  });

  it('ignores a UTF-8 byte order mark', () => {
    const text = `\uFEFF${makeLeieCsv([makeLeieRow(listedWorker())])}`;

    const records = parseLeieCsv(encode(text));

    expect(records).toHaveLength(1);
  });

  it('keeps genuine accented names', () => {
    const bytes = leieBytes([
      listedWorker({ lastName: 'NÚÑEZ', firstName: 'JOÃO' }),
    ]);

    const [record] = parseLeieCsv(bytes);

    expect(record).toMatchObject({ lastName: 'NÚÑEZ', firstName: 'JOÃO' });
  });

  it.each([
    ['a renamed column', HEADER.replace('DOB', 'BIRTHDATE')],
    ['a missing column', HEADER.replace(',WVRSTATE', '')],
    ['an extra column', `${HEADER},SSN`],
    [
      'reordered columns',
      HEADER.replace('LASTNAME,FIRSTNAME', 'FIRSTNAME,LASTNAME'),
    ],
    ['a lower-case header', HEADER.toLowerCase()],
  ])('refuses %s in the header', (_change, header) => {
    const text = makeLeieCsv([makeLeieRow(listedWorker())]).replace(
      /^[^\r]*/,
      header,
    );

    const error = refusal(encode(text));

    expect(error).toMatchObject({ rule: 'header', row: 1 });
  });

  it('refuses a file that does not end with a line break', () => {
    const text = makeLeieCsv([makeLeieRow(listedWorker())]).slice(0, -2);

    const error = refusal(encode(text));

    expect(error).toMatchObject({ rule: 'truncated', row: 2 });
  });

  it('refuses a file cut in the middle of a row', () => {
    const text = makeLeieCsv([
      makeLeieRow(listedWorker()),
      makeLeieRow(listedWorker()),
    ]);
    const cut = text.slice(0, text.length - 40);

    const error = refusal(encode(cut));

    expect(error.rule).toBe('truncated');
  });

  it('refuses a final row with a broken quote even after a line break', () => {
    const text = `${makeLeieCsv([makeLeieRow(listedWorker())])}"UPSHAW","ADA\r\n`;

    const error = refusal(encode(text));

    expect(error).toMatchObject({ rule: 'quoting', row: 3 });
  });

  it('refuses a quote in the middle of a field', () => {
    const good = makeLeieCsv([makeLeieRow(listedWorker())]);
    const text = good.replace('"DELPHINE"', '"DEL"PHINE"');

    const error = refusal(encode(text));

    expect(error).toMatchObject({ rule: 'quoting', row: 2 });
  });

  it('refuses a row with 17 fields', () => {
    const row = makeLeieRow(listedWorker()).slice(0, 17);

    const error = refusal(
      encode(makeLeieCsv([makeLeieRow(listedWorker()), row])),
    );

    expect(error).toMatchObject({ rule: 'column_count', row: 3 });
  });

  it('refuses a row with 19 fields', () => {
    const row = [...makeLeieRow(listedWorker()), 'EXTRA'];

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error).toMatchObject({ rule: 'column_count', row: 2 });
  });

  it('refuses an empty line between rows', () => {
    const rows = makeLeieCsv([makeLeieRow(listedWorker())]);

    const error = refusal(encode(`${rows}\r\n`));

    expect(error).toMatchObject({ rule: 'column_count', row: 3 });
  });

  it('refuses a line break inside a field', () => {
    const row = makeLeieRow(listedWorker({ lastName: 'MERRI\r\nWEATHER' }));

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error).toMatchObject({ rule: 'embedded_newline', row: 2 });
  });

  it('refuses mixed line endings', () => {
    const text = makeLeieCsv([
      makeLeieRow(listedWorker()),
      makeLeieRow(listedWorker()),
    ]);
    const mixed = text.replace(/\r\n(?=.)/g, (match, offset: number) =>
      offset > text.indexOf('\r\n') ? '\n' : match,
    );

    expect(() => parseLeieCsv(encode(mixed))).toThrow(LeieFormatError);
  });

  it.each([
    ['nine digits', '123456789'],
    ['letters', '12345678AB'],
    ['empty', ''],
  ])('refuses an NPI of %s', (_kind, npi) => {
    const row = makeLeieRow(listedWorker());
    row[7] = npi;

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error).toMatchObject({ rule: 'npi', row: 2 });
    expect(error.context).toMatchObject({ column: 'NPI' });
  });

  it.each([
    ['DOB', 8, '19840230'],
    ['DOB', 8, '1984-02-29'],
    ['EXCLDATE', 14, '20211317'],
    ['REINDATE', 15, ''],
    ['WAIVERDATE', 16, '2021061'],
  ])('refuses a bad %s', (column, index, value) => {
    const row = makeLeieRow(listedWorker());
    row[index] = value;

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error).toMatchObject({ rule: 'date', row: 2 });
    expect(error.context).toMatchObject({ column });
  });

  it('accepts 29 February in a leap year only', () => {
    const row = makeLeieRow(listedWorker());
    row[8] = '19000229';

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error.rule).toBe('date');
  });

  it('refuses a row with neither a last name nor a business name', () => {
    const row = makeLeieRow(listedWorker({ lastName: '' }));

    const error = refusal(encode(makeLeieCsv([row])));

    expect(error).toMatchObject({ rule: 'no_name', row: 2 });
  });

  it('refuses a file with a header and no rows', () => {
    const error = refusal(encode(makeLeieCsv([])));

    expect(error).toMatchObject({ rule: 'no_rows', row: 1 });
  });

  it('refuses an empty file', () => {
    const error = refusal(new Uint8Array());

    expect(error.rule).toBe('truncated');
  });
});
