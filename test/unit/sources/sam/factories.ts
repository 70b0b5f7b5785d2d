import {
  makeSamBody,
  makeSamRecord,
  type SamPerson,
  type SamRecordOptions,
} from '../../../../packages/core/src/sources/sam/samBodyFactory';
import type { SourceResponse } from '../../../../packages/core/src/workflows/perSubjectAdapter';

/** The made-up excluded person matching `makeSubject()` by name. */
const listedPerson = (overrides: Partial<SamPerson> = {}): SamPerson => ({
  firstName: 'DELPHINE',
  middleName: 'R',
  lastName: 'MERRIWEATHER',
  ...overrides,
});

/** A SAM record for the default listed person. */
const samRecord = (
  person: Partial<SamPerson> = {},
  options: SamRecordOptions = {},
) => makeSamRecord(listedPerson(person), options);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An HTTP answer around a JSON value, 200 and JSON unless told. */
const samAnswer = (
  body: unknown,
  overrides: Partial<Omit<SourceResponse, 'body'>> = {},
): SourceResponse => ({
  status: 200,
  contentType: 'application/json',
  body: bytes(JSON.stringify(body)),
  ...overrides,
});

/** An answer listing the given records. */
const listing = (
  records: readonly Record<string, unknown>[],
  totalRecords?: number,
): SourceResponse => samAnswer(makeSamBody(records, totalRecords));

export { bytes, listedPerson, listing, samAnswer, samRecord };
