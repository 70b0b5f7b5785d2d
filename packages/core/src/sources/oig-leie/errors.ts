import { RovnError } from '../../errors';

/**
 * The rules a LEIE file can break. Any one of them refuses the whole file:
 * a partly read list could leave an excluded person unscreened.
 */
type LeieFormatRule =
  | 'encoding'
  | 'mojibake'
  | 'control_character'
  | 'line_ending'
  | 'truncated'
  | 'header'
  | 'quoting'
  | 'column_count'
  | 'embedded_newline'
  | 'npi'
  | 'date'
  | 'no_name'
  | 'no_rows';

const RULE_TEXT: Record<LeieFormatRule, string> = {
  encoding: 'the bytes are not valid UTF-8',
  mojibake: 'the text looks double-encoded (mojibake such as "Ã©")',
  control_character: 'the text contains a control character',
  line_ending: 'line endings are mixed or missing',
  truncated: 'the file does not end with a line break (truncated download?)',
  header: 'the header is not the 18 expected LEIE columns',
  quoting: 'a quoted field is broken',
  column_count: 'the row does not have exactly 18 fields',
  embedded_newline: 'a field contains a line break',
  npi: 'the NPI is neither ten digits nor 0000000000',
  date: 'a date is neither a real YYYYMMDD date nor 00000000',
  no_name: 'the row has neither a last name nor a business name',
  no_rows: 'the file has a header but no rows',
};

/**
 * A LEIE file broke a format rule and was refused whole. Carries the rule,
 * the 1-based row (the header is row 1; rows and lines coincide because a
 * field holding a line break is itself refused) and, for field rules, the
 * column name. Never a field's value: values are names and dates of birth.
 */
class LeieFormatError extends RovnError {
  override readonly name = 'LeieFormatError';
  readonly rule: LeieFormatRule;
  readonly row: number;

  constructor(rule: LeieFormatRule, row: number, column?: string) {
    const where = column === undefined ? '' : `, column ${column}`;
    super(
      `LEIE file refused at row ${row}${where}: ${RULE_TEXT[rule]}. Keep the previous list and check the download before retrying.`,
      {
        context: {
          rule,
          row,
          ...(column === undefined ? {} : { column }),
        },
      },
    );
    this.rule = rule;
    this.row = row;
  }
}

export type { LeieFormatRule };
export { LeieFormatError };
