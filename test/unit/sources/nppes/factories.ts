import {
  makeNppesBody,
  makeNppesErrorBody,
  makeNppesRecord,
  type NppesPerson,
  type NppesRecordJson,
  type NppesRecordOptions,
} from '../../../../packages/core/src/sources/nppes/nppesRecordFactory';
import type { NppesHttpAnswer } from '../../../../packages/core/src/sources/nppes/types';

/** The made-up provider behind `makeSubject()`. */
const makePerson = (overrides: Partial<NppesPerson> = {}): NppesPerson => ({
  npi: '1234567893',
  givenName: 'Delphine',
  middleName: 'Rose',
  familyName: 'Merriweather',
  ...overrides,
});

/** A record for the default person, in the requested format. */
const makeRecord = (
  person: Partial<NppesPerson> = {},
  options: NppesRecordOptions = {},
): NppesRecordJson => makeNppesRecord(makePerson(person), options);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An HTTP answer around a JSON value, 200 and JSON unless told. */
const jsonAnswer = (
  body: unknown,
  overrides: Partial<Omit<NppesHttpAnswer, 'body'>> = {},
): NppesHttpAnswer => ({
  status: 200,
  contentType: 'application/json',
  body: bytes(JSON.stringify(body)),
  ...overrides,
});

/** An HTTP answer around raw text. */
const textAnswer = (
  text: string,
  overrides: Partial<Omit<NppesHttpAnswer, 'body'>> = {},
): NppesHttpAnswer => ({
  status: 200,
  contentType: 'application/json',
  body: bytes(text),
  ...overrides,
});

/** A maintenance page as a web server in front of an API serves it. */
const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>Maintenance</title></head>' +
  '<body><h1>Service temporarily unavailable</h1></body></html>';

export {
  bytes,
  jsonAnswer,
  MAINTENANCE_PAGE,
  makeNppesBody,
  makeNppesErrorBody,
  makePerson,
  makeRecord,
  textAnswer,
};
