import { LeieFormatError } from './errors';
import { LEIE_COLUMNS, LEIE_NO_DATE, LEIE_NO_NPI } from './leieColumns';
import type { LeieRecord } from './types';

const TEN_DIGITS = /^[0-9]{10}$/;
const EIGHT_DIGITS = /^[0-9]{8}$/;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

    return leap ? 29 : 28;
  }

  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** `YYYYMMDD` to `YYYY-MM-DD`, `null` for `00000000`. */
const toDate = (value: string, row: number, column: string): string | null => {
  if (value === LEIE_NO_DATE) {
    return null;
  }
  if (!EIGHT_DIGITS.test(value)) {
    throw new LeieFormatError('date', row, column);
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  // Checked by hand rather than through Date: this runs 320 000 times per
  // list, and Date.UTC would quietly roll 20240231 over to March.
  if (
    year < 1800 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new LeieFormatError('date', row, column);
  }

  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
};

/**
 * The NPI of a row, `null` for `0000000000`: most rows carry that value,
 * so joining on it would match a worker against tens of thousands of
 * unrelated people. Any other value must be ten digits; the check digit
 * is not verified, because one bad NPI in OIG's data must not refuse the
 * whole list, and an NPI is only ever compared for equality.
 */
const toNpi = (value: string, row: number): string | null => {
  if (value === LEIE_NO_NPI) {
    return null;
  }
  if (!TEN_DIGITS.test(value)) {
    throw new LeieFormatError('npi', row, 'NPI');
  }

  return value;
};

/**
 * Converts the 18 fields of one data row into a `LeieRecord`.
 *
 * @param fields - the row's fields in `LEIE_COLUMNS` order
 * @param row - the row's 1-based number in the file, for errors and audit
 * @throws LeieFormatError on a wrong field count, a line break inside a
 *   field, a bad NPI or date, or a row with neither kind of name
 */
const toLeieRecord = (fields: readonly string[], row: number): LeieRecord => {
  if (fields.length !== LEIE_COLUMNS.length) {
    throw new LeieFormatError('column_count', row);
  }
  const values: string[] = new Array(fields.length);
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] ?? '';
    if (field.includes('\n') || field.includes('\r')) {
      throw new LeieFormatError('embedded_newline', row, LEIE_COLUMNS[index]);
    }
    values[index] = field.trim();
  }
  const [
    lastName = '',
    firstName = '',
    middleName = '',
    businessName = '',
    general = '',
    specialty = '',
    ,
    npi = '',
    dob = '',
    ,
    ,
    state = '',
    ,
    exclusionType = '',
    exclusionDate = '',
    reinstatementDate = '',
    waiverDate = '',
    waiverState = '',
  ] = values;
  if (lastName === '' && businessName === '') {
    throw new LeieFormatError('no_name', row);
  }

  return {
    row,
    lastName,
    firstName,
    middleName,
    businessName,
    general,
    specialty,
    npi: toNpi(npi, row),
    dateOfBirth: toDate(dob, row, 'DOB'),
    state,
    exclusionType,
    exclusionDate: toDate(exclusionDate, row, 'EXCLDATE'),
    reinstatementDate: toDate(reinstatementDate, row, 'REINDATE'),
    waiverDate: toDate(waiverDate, row, 'WAIVERDATE'),
    waiverState,
  };
};

export { toLeieRecord };
