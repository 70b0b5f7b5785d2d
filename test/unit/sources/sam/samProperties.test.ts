import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RovnError } from '../../../../packages/core/src/errors';
import { classifySam } from '../../../../packages/core/src/sources/sam/classifySam';
import { parseSamResponse } from '../../../../packages/core/src/sources/sam/parseSamResponse';
import { makeSamBody } from '../../../../packages/core/src/sources/sam/samBodyFactory';
import { makeSubject } from '../subjectFactory';
import { bytes, samRecord } from './factories';

const TODAY = '2025-01-15';

/** Classifies bytes end to end, as the adapter does. */
const outcomeOf = (status: number, contentType: string, body: Uint8Array) =>
  classifySam(
    makeSubject(),
    [
      {
        query: 'name',
        parsed: parseSamResponse({ status, contentType, body }),
      },
    ],
    { today: TODAY },
  ).outcome;

/** A JSON value where a mutation replaced one field of a listing. */
const mutatedListing = fc
  .tuple(
    fc.constantFrom(
      'totalRecords',
      'excludedEntity',
      'exclusionDetails',
      'exclusionIdentification',
      'exclusionActions',
      'listOfActions',
      'terminationDate',
      'activateDate',
      'npi',
      'lastName',
    ),
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    ),
  )
  .map(([field, value]) => {
    const body = makeSamBody([samRecord({ npi: '1234567893' })]);
    const replace = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(replace);
      if (typeof node !== 'object' || node === null) return node;

      return Object.fromEntries(
        Object.entries(node).map(([key, inner]) =>
          key === field ? [key, value] : [key, replace(inner)],
        ),
      );
    };

    return JSON.stringify(replace(body));
  });

describe('SAM parser and classifier properties', () => {
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

  it('never clears a non-2xx answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }).filter((s) => s < 200 || s > 299),
        (status) => {
          const body = bytes(JSON.stringify(makeSamBody([])));

          expect(outcomeOf(status, 'application/json', body)).toBe(
            'source_unavailable',
          );
        },
      ),
    );
  });

  it('never clears a listing of the worker NPI after a field moved', () => {
    fc.assert(
      fc.property(mutatedListing, (text) => {
        const outcome = outcomeOf(200, 'application/json', bytes(text));

        expect(outcome).not.toBe('clear');
      }),
    );
  });

  it('parses without throwing anything but typed errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseSamResponse({
            status: 200,
            contentType: 'application/json',
            body: bytes(JSON.stringify(value)),
          });
        } catch (error) {
          expect(error).toBeInstanceOf(RovnError);
        }
      }),
    );
  });
});
