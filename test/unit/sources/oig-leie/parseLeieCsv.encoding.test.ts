import { describe, expect, it } from 'vitest';
import {
  makeLeieCsv,
  makeLeieRow,
} from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { encode, leieBytes, listedWorker, refusal } from './factories';

describe('parseLeieCsv on encoding and privacy', () => {
  it('refuses bytes that are not UTF-8, naming the line', () => {
    const good = leieBytes([listedWorker(), listedWorker()]);
    const lines = new TextDecoder().decode(good).split('\r\n');
    const offset = encode(`${lines[0]}\r\n${lines[1]}\r\n"`).length;
    const bad = good.slice();
    bad[offset] = 0xe9;

    const error = refusal(bad);

    expect(error).toMatchObject({ rule: 'encoding', row: 3 });
  });

  it.each([
    ['Ã© (é read as Latin-1)', 'JOSÃ©'],
    ['Ã± (ñ read as Latin-1)', 'NUÃ±EZ'],
    ['Ã‰ (É read as Windows-1252)', 'Ã‰MILE'],
    ['â€™ (’ read as Windows-1252)', 'Oâ€™DARROW'],
    ['Â€ (upper-cased after misreading)', 'OÂ€™DARROW'],
    ['the replacement character', 'JOS\uFFFD'],
  ])('refuses mojibake: %s', (_kind, lastName) => {
    const bytes = leieBytes([listedWorker(), listedWorker({ lastName })]);

    const error = refusal(bytes);

    expect(error).toMatchObject({ rule: 'mojibake', row: 3 });
  });

  it.each([
    ['NUL', '\u0000'],
    ['escape', '\u001b'],
    ['a C1 control', '\u0085'],
  ])('refuses a %s character', (_kind, control) => {
    const bytes = leieBytes([listedWorker({ firstName: `ADA${control}` })]);

    const error = refusal(bytes);

    expect(error).toMatchObject({ rule: 'control_character', row: 2 });
  });

  it('puts no field value into the error', () => {
    const row = makeLeieRow(listedWorker());
    row[8] = '1984022X';

    const error = refusal(encode(makeLeieCsv([row])));

    expect(`${error.message} ${JSON.stringify(error.context)}`).not.toMatch(
      /MERRIWEATHER|DELPHINE|1984022X/,
    );
    expect(error.cause).toBeUndefined();
  });

  it('does not leak csv-parse messages, which quote field values', () => {
    const good = makeLeieCsv([makeLeieRow(listedWorker())]);
    const text = good.replace('"MERRIWEATHER"', 'MERRI"WEATHER"');

    const error = refusal(encode(text));

    expect(error.message).not.toContain('MERRI');
    expect(error.cause).toBeUndefined();
  });
});
