import { LeieFormatError } from './errors';

/**
 * Characters a UTF-8 continuation byte turns into when UTF-8 is wrongly
 * read as Latin-1 or Windows-1252: U+0080..U+00BF, and the Windows-1252
 * letters and punctuation of 0x80..0x9F (`€`, `‚`, `ƒ`, `„`, `…`, `†`,
 * `‡`, `ˆ`, `‰`, `Š`, `‹`, `Œ`, `Ž`, quotes, `•`, dashes, `˜`, `™`, `š`,
 * `›`, `œ`, `ž`, `Ÿ`).
 */
const CONTINUATION =
  '[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E' +
  '\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E' +
  '\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]';

/**
 * Double-encoded UTF-8: a Latin-1 letter (what a lead byte becomes, like
 * `Ã` or `â`) directly followed by what a continuation byte becomes, as in
 * `Ã©` for `é` or `â€™` for `’`. Also the replacement character, the
 * trace of an earlier lossy decode.
 *
 * A lone `Ã` before an ordinary letter (`JOÃO`) is accepted: it is a real
 * letter, and refusing it would refuse genuine names.
 */
const MOJIBAKE = new RegExp(`[\\u00C0-\\u00FF]${CONTINUATION}|\\uFFFD`);

/** Controls other than tab, CR and LF, including the C1 range. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The 1-based line holding the character at `index`. */
const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; ) {
    line += 1;
    i = text.indexOf('\n', i + 1);
  }

  return line;
};

/** The 1-based line of the first byte that is not valid UTF-8. */
const lineOfInvalidByte = (bytes: Uint8Array): number => {
  const lossy = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const index = lossy.indexOf('\uFFFD');

  return lineAt(lossy, index === -1 ? lossy.length : index);
};

/**
 * Decodes a LEIE download as strict UTF-8 and refuses text that is
 * mojibake or holds control characters.
 *
 * @returns the text, without a leading byte order mark
 * @throws LeieFormatError with rule `encoding`, `mojibake` or
 *   `control_character` and the line where the problem starts
 */
const decodeLeieText = (bytes: Uint8Array): string => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
      bytes,
    );
  } catch {
    throw new LeieFormatError('encoding', lineOfInvalidByte(bytes));
  }

  const mojibake = MOJIBAKE.exec(text);
  if (mojibake !== null) {
    throw new LeieFormatError('mojibake', lineAt(text, mojibake.index));
  }
  const control = CONTROL.exec(text);
  if (control !== null) {
    throw new LeieFormatError('control_character', lineAt(text, control.index));
  }

  return text;
};

/**
 * The record delimiter the file uses, taken from its first line: CRLF as
 * OIG publishes, or LF alone. Either is read the same; mixing them is
 * refused later, because a stray line break lands inside a field.
 *
 * @throws LeieFormatError `truncated` when the text does not end with that
 *   delimiter (a download cut mid-line, or a last row with a broken quote)
 */
const leieLineEnding = (text: string): '\r\n' | '\n' => {
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) {
    throw new LeieFormatError('truncated', 1);
  }
  const ending = text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  if (!text.endsWith(ending)) {
    throw new LeieFormatError('truncated', lineAt(text, text.length));
  }

  return ending;
};

export { decodeLeieText, leieLineEnding, lineAt };
