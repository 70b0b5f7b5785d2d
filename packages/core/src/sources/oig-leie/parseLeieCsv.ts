import { CsvError, parse } from 'csv-parse/sync';
import { decodeLeieText, leieLineEnding } from './checkLeieText';
import { LeieFormatError } from './errors';
import { LEIE_COLUMNS } from './leieColumns';
import { toLeieRecord } from './toLeieRecord';
import type { LeieRecord } from './types';

const isExpectedHeader = (fields: readonly string[] | undefined): boolean =>
  fields !== undefined &&
  fields.length === LEIE_COLUMNS.length &&
  LEIE_COLUMNS.every((column, index) => fields[index] === column);

/**
 * Splits the text into rows of fields. csv-parse's own errors are turned
 * into `LeieFormatError` without their message or cause: those quote the
 * offending field, which may be a name.
 */
const splitRows = (text: string, ending: string): string[][] => {
  try {
    return parse(text, {
      record_delimiter: [ending],
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    // `records` counts the rows completed before the broken one (header
    // included); `lines` would point past a quote left open at the end.
    const done = error instanceof CsvError ? error.records : undefined;
    const row = typeof done === 'number' ? done + 1 : 1;

    throw new LeieFormatError('quoting', row);
  }
};

/**
 * Parses the OIG LEIE full list (`UPDATED.csv`) into records, all or
 * nothing.
 *
 * Refuses the whole file, with a `LeieFormatError` naming the row and the
 * rule, when: the bytes are not UTF-8, or show mojibake or control
 * characters; the header is not exactly the 18 LEIE columns; the file does
 * not end with a line break (truncated) or a quote is broken; a row does
 * not have 18 fields, or a field holds a line break; an NPI is neither ten
 * digits nor `0000000000`; a date is neither a real `YYYYMMDD` nor
 * `00000000`; a row has neither a last name nor a business name; there are
 * no rows.
 *
 * Lines end in CRLF as OIG publishes them; an LF-only file is read too
 * (same content, so refusing it would only cause an outage), but one that
 * mixes both is refused. A UTF-8 byte order mark is ignored.
 *
 * Cost is linear in the size of the file; the ~15 MB list is read in one
 * pass of decoding, one of csv-parse and one of conversion. No error message or cause quotes a field: fields are names.
 *
 * Note: a download cut exactly at a line break looks like a shorter valid
 * list. `refreshLeieList` refuses a list that lost more than
 * `MAX_LIST_SHRINK` of the current list's rows; a cut within that margin
 * is not detected.
 *
 * @param bytes - the exact bytes downloaded (what the receipt archives)
 * @throws LeieFormatError, and nothing else
 */
const parseLeieCsv = (bytes: Uint8Array): LeieRecord[] => {
  const text = decodeLeieText(bytes);
  const ending = leieLineEnding(text);

  const rows = splitRows(text, ending);
  if (!isExpectedHeader(rows[0])) {
    throw new LeieFormatError('header', 1);
  }
  const records: LeieRecord[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    // Row numbers count the header as row 1.
    records.push(toLeieRecord(rows[i] as string[], i + 1));
  }
  if (records.length === 0) {
    throw new LeieFormatError('no_rows', 1);
  }

  return records;
};

export { parseLeieCsv };
