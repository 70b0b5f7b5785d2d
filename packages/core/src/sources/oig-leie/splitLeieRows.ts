import { LeieFormatError } from './errors';

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * The value of one quoted field starting at `open` (the opening quote),
 * and the position after its closing quote. A doubled quote inside stands
 * for one quote.
 */
const readQuoted = (
  text: string,
  open: number,
  row: number,
): [string, number] => {
  let start = open + 1;
  let value = '';
  for (;;) {
    const close = text.indexOf('"', start);
    if (close === -1) {
      throw new LeieFormatError('quoting', row);
    }
    if (text.charCodeAt(close + 1) !== QUOTE) {
      return [value + text.slice(start, close), close + 1];
    }
    value += text.slice(start, close + 1);
    start = close + 2;
  }
};

/**
 * The unquoted field starting at `start`, up to the next comma or record
 * delimiter, and the position where it ends. A quote inside it is refused.
 */
const readBare = (
  text: string,
  start: number,
  ending: string,
  row: number,
): [string, number] => {
  let pos = start;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === COMMA || text.startsWith(ending, pos)) break;
    if (code === QUOTE) {
      throw new LeieFormatError('quoting', row);
    }
    pos += 1;
  }

  return [text.slice(start, pos), pos];
};

/**
 * Walks LEIE text row by row (RFC 4180: fields separated by commas,
 * optionally double-quoted with `""` for a quote inside, records ended by
 * `ending`), calling `visit` with each row's fields and its 1-based row
 * number (the header is row 1). Written for this one format because it is
 * the hot part of loading the list: OIG quotes every field, so a field is
 * found with one `indexOf`, and no array of all rows is built.
 *
 * Nothing is trimmed or skipped: an empty line is a row of one empty
 * field, and a line break that is not the record delimiter stays in its
 * field, for the row checks to refuse. Rows may have any number of
 * fields; the caller checks the count.
 *
 * Note: the `fields` array is reused for the next row; `visit` must copy
 * what it keeps.
 *
 * @param text - the decoded file, ending with `ending` (see
 *   `leieLineEnding`)
 * @throws LeieFormatError `quoting`, with the row, for a quote left open,
 *   text after a closing quote, or a quote inside an unquoted field
 */
const forEachLeieRow = (
  text: string,
  ending: '\r\n' | '\n',
  visit: (fields: readonly string[], row: number) => void,
): void => {
  const fields: string[] = [];
  let rowNumber = 0;
  let pos = 0;
  while (pos < text.length) {
    rowNumber += 1;
    fields.length = 0;
    for (;;) {
      const [field, next] =
        text.charCodeAt(pos) === QUOTE
          ? readQuoted(text, pos, rowNumber)
          : readBare(text, pos, ending, rowNumber);
      fields.push(field);
      if (text.charCodeAt(next) === COMMA) {
        pos = next + 1;
      } else if (text.startsWith(ending, next)) {
        pos = next + ending.length;
        break;
      } else {
        throw new LeieFormatError('quoting', rowNumber);
      }
    }
    visit(fields, rowNumber);
  }
};

/** Every row of LEIE text as an array of fields (see `forEachLeieRow`). */
const splitLeieRows = (text: string, ending: '\r\n' | '\n'): string[][] => {
  const rows: string[][] = [];
  forEachLeieRow(text, ending, (fields) => {
    rows.push([...fields]);
  });

  return rows;
};

export { forEachLeieRow, splitLeieRows };
