import { buildLeieIndex } from '../../../../packages/core/src/sources/oig-leie/buildLeieIndex';
import { LeieFormatError } from '../../../../packages/core/src/sources/oig-leie/errors';
import {
  type LeiePerson,
  makeLeieCsv,
  makeLeieRow,
} from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { parseLeieCsv } from '../../../../packages/core/src/sources/oig-leie/parseLeieCsv';
import type { LeieIndex } from '../../../../packages/core/src/sources/oig-leie/types';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The bytes of a LEIE file holding one row per made-up person. */
const leieBytes = (
  people: readonly LeiePerson[],
  lineEnding: '\r\n' | '\n' = '\r\n',
): Uint8Array => encode(makeLeieCsv(people.map(makeLeieRow), lineEnding));

/** An index built the way production builds it: from the file's bytes. */
const leieIndex = (people: readonly LeiePerson[]): LeieIndex =>
  buildLeieIndex(parseLeieCsv(leieBytes(people)));

/** The default made-up listed individual, matching `makeSubject()`. */
const listedWorker = (overrides: LeiePerson = {}): LeiePerson => ({
  lastName: 'MERRIWEATHER',
  firstName: 'DELPHINE',
  middleName: 'R',
  dateOfBirth: '1984-02-29',
  npi: null,
  exclusionType: '1128a1',
  exclusionDate: '2021-06-17',
  ...overrides,
});

/** Runs the parser and returns the LeieFormatError it throws. */
const refusal = (bytes: Uint8Array): LeieFormatError => {
  try {
    parseLeieCsv(bytes);
  } catch (error) {
    if (error instanceof LeieFormatError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the file to be refused');
};

export { encode, leieBytes, leieIndex, listedWorker, refusal };
