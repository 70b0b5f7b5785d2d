import type { Subject } from '../../../../packages/core/src/domain/subject';
import {
  type BoardPerson,
  type BoardRecordOptions,
  makeBoardBody,
  makeBoardRecord,
} from '../../../../packages/core/src/sources/board-saas/boardBodyFactory';
import { boardFor } from '../../../../packages/core/src/sources/board-saas/boards';
import type { SourceResponse } from '../../../../packages/core/src/workflows/perSubjectAdapter';
import { makeSubject } from '../subjectFactory';

/** The configured Kansas board. */
const KANSAS = (() => {
  const board = boardFor('board-ks');
  if (board === undefined) throw new Error('board-ks is not configured');

  return board;
})();

/** The made-up nurse's Kansas RN license number. */
const LICENSE = 'RN507918';

/** A subject holding the Kansas RN license `LICENSE`. */
const licensedSubject = (overrides: Partial<Subject> = {}): Subject =>
  makeSubject({
    license: { jurisdiction: 'KS', number: LICENSE, type: 'RN' },
    ...overrides,
  });

/** The board's registrant matching `licensedSubject()`. */
const registrant = (
  person: Partial<BoardPerson> = {},
  options: BoardRecordOptions = {},
) =>
  makeBoardRecord(
    {
      firstName: 'DELPHINE',
      middleName: 'R',
      lastName: 'MERRIWEATHER',
      licenseNumber: LICENSE,
      ...person,
    },
    options,
  );

/** Someone else whose license number contains `LICENSE`. */
const collision = (licenseNumber: string) =>
  makeBoardRecord({ firstName: 'OTIS', lastName: 'WEXFORD', licenseNumber });

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An HTTP answer around a JSON value, 200 and JSON unless told. */
const boardAnswer = (
  body: unknown,
  overrides: Partial<Omit<SourceResponse, 'body'>> = {},
): SourceResponse => ({
  status: 200,
  contentType: 'application/json',
  body: bytes(typeof body === 'string' ? body : JSON.stringify(body)),
  ...overrides,
});

/** A first page listing the given records. */
const listing = (
  records: readonly Record<string, unknown>[],
  resultCount?: number,
): SourceResponse => boardAnswer(makeBoardBody(records, resultCount));

/** The first page's position. */
const FIRST = { skip: 0, take: 10 } as const;

export {
  boardAnswer,
  bytes,
  collision,
  FIRST,
  KANSAS,
  LICENSE,
  licensedSubject,
  listing,
  registrant,
};
