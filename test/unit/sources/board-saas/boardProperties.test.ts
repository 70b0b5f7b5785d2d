import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RovnError } from '../../../../packages/core/src/errors';
import {
  makeBoardBody,
  makeBoardRecord,
} from '../../../../packages/core/src/sources/board-saas/boardBodyFactory';
import { classifyBoard } from '../../../../packages/core/src/sources/board-saas/classifyBoard';
import { formatBoardDate } from '../../../../packages/core/src/sources/board-saas/parseBoardDate';
import { parseBoardResponse } from '../../../../packages/core/src/sources/board-saas/parseBoardResponse';
import {
  bytes,
  collision,
  FIRST,
  KANSAS,
  LICENSE,
  licensedSubject,
  listing,
  registrant,
} from './factories';

const TODAY = '2025-01-15';

/** Classifies one first page of bytes end to end, as the adapter does. */
const outcomeOf = (status: number, contentType: string, body: Uint8Array) =>
  classifyBoard(
    licensedSubject(),
    [parseBoardResponse({ status, contentType, body }, FIRST)],
    { board: KANSAS, today: TODAY },
  ).outcome;

/** A body the classifier clears: the license and two substring matches. */
const clearBody = () =>
  makeBoardBody([
    collision(`C${LICENSE}`),
    registrant(),
    collision(`${LICENSE}1`),
  ]);

/** The fields the envelope and the decision rest on. */
const DECISIVE = [
  'errorCode',
  'resultCount',
  'result',
  'firstName',
  'lastName',
  'licenseNumber',
  'licenseType',
  'licenseStatus',
  'expirationDate',
  'hasPublicAction',
] as const;

/** Rewrites every occurrence of `field` in a JSON value. */
const rewrite = (
  node: unknown,
  field: string,
  change: (entries: [string, unknown]) => [string, unknown][],
): unknown => {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, field, change));
  if (typeof node !== 'object' || node === null) return node;

  return Object.fromEntries(
    Object.entries(node).flatMap(([key, inner]) =>
      key === field
        ? change([key, inner])
        : [[key, rewrite(inner, field, change)] as [string, unknown]],
    ),
  );
};

const jsonValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

describe('board parser and classifier properties', () => {
  it('never throws on arbitrary bytes, statuses and content types', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.constantFrom('application/json', 'text/html', 'text/plain', ''),
        fc.uint8Array({ maxLength: 400 }),
        (status, contentType, body) => {
          expect(() => outcomeOf(status, contentType, body)).not.toThrow();
        },
      ),
    );
  });

  it('never clears a body that is not JSON', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        }),
        (text) => {
          expect(outcomeOf(200, 'application/json', bytes(text))).not.toBe(
            'clear',
          );
        },
      ),
    );
  });

  it('never clears a non-2xx answer, even with a clean body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }).filter((s) => s < 200 || s > 299),
        (status) => {
          const body = bytes(JSON.stringify(clearBody()));

          expect(outcomeOf(status, 'application/json', body)).toBe(
            'source_unavailable',
          );
        },
      ),
    );
  });

  it('never clears a clean listing after a decisive field changed value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECISIVE), jsonValue, (field, value) => {
        const original = clearBody();
        const mutated = rewrite(original, field, ([key]) => [[key, value]]);
        // A value equal to the one replaced is no mutation.
        fc.pre(JSON.stringify(mutated) !== JSON.stringify(original));

        const outcome = outcomeOf(
          200,
          'application/json',
          bytes(JSON.stringify(mutated)),
        );

        expect(outcome).not.toBe('clear');
      }),
    );
  });

  it('never clears a clean listing after a decisive field was renamed or dropped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DECISIVE),
        fc.option(fc.string({ minLength: 1, maxLength: 12 }), {
          nil: undefined,
        }),
        (field, renamed) => {
          fc.pre(renamed !== field);
          const mutated = rewrite(clearBody(), field, ([, inner]) =>
            renamed === undefined ? [] : [[renamed, inner]],
          );

          const outcome = outcomeOf(
            200,
            'application/json',
            bytes(JSON.stringify(mutated)),
          );

          expect(outcome).not.toBe('clear');
        },
      ),
    );
  });

  it('never clears a page whose count disagrees with its records', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).filter((n) => n !== 3),
        (resultCount) => {
          const body = { ...clearBody(), resultCount };

          expect(
            outcomeOf(200, 'application/json', bytes(JSON.stringify(body))),
          ).not.toBe('clear');
        },
      ),
    );
  });

  it('never clears an unknown license status', () => {
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 30 })
          .filter(
            (status) =>
              !/^\s*active[\s-]*(multistate|single[\s-]*state)?\s*$|^\s*current\s*$/i.test(
                status,
              ),
          ),
        (status) => {
          const body = makeBoardBody([
            registrant({}, { licenseStatus: status }),
          ]);

          expect(
            outcomeOf(200, 'application/json', bytes(JSON.stringify(body))),
          ).not.toBe('clear');
        },
      ),
    );
  });

  it("reports an expiration date only from the worker's own record", () => {
    const day = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    const contained = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((k) => `${LICENSE}${k}`),
      fc.constantFrom(`C${LICENSE}`, `R${LICENSE}`, `L${LICENSE}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(contained, day), { maxLength: 8 }),
        fc.option(day, { nil: undefined }),
        fc.nat(),
        (others, own, at) => {
          const records = others.map(([licenseNumber, date]) =>
            makeBoardRecord(
              { firstName: 'OTIS', lastName: 'WEXFORD', licenseNumber },
              { expirationDate: formatBoardDate(date) },
            ),
          );
          if (own !== undefined) {
            records.splice(
              at % (records.length + 1),
              0,
              registrant({}, { expirationDate: formatBoardDate(own) }),
            );
          }

          const result = classifyBoard(
            licensedSubject(),
            [parseBoardResponse(listing(records), FIRST)],
            { board: KANSAS, today: TODAY },
          );

          expect(result.expiresOn).toBe(own);
        },
      ),
    );
  });

  it('parses any JSON value without throwing anything but typed errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseBoardResponse(
            {
              status: 200,
              contentType: 'application/json',
              body: bytes(JSON.stringify(value)),
            },
            FIRST,
          );
        } catch (error) {
          expect(error).toBeInstanceOf(RovnError);
        }
      }),
    );
  });
});
