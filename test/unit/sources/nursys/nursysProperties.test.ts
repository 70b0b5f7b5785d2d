import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RovnError } from '../../../../packages/core/src/errors';
import { classifyNursys } from '../../../../packages/core/src/sources/nursys/classifyNursys';
import {
  makeNursysRecord,
  makeNursysResultBody,
  type NursysLicenseOptions,
} from '../../../../packages/core/src/sources/nursys/nursysBodyFactory';
import { parseNursysNotifications } from '../../../../packages/core/src/sources/nursys/parseNursysNotifications';
import { parseNursysResult } from '../../../../packages/core/src/sources/nursys/parseNursysResult';
import { parseNursysTransaction } from '../../../../packages/core/src/sources/nursys/parseNursysTransaction';
import { bytes, LICENSE, nurseSubject } from './factories';

const TODAY = '2025-01-15';

/** Classifies bytes end to end, as the adapter does. */
const outcomeOf = (status: number, contentType: string, body: Uint8Array) =>
  classifyNursys(
    nurseSubject(),
    parseNursysResult({ status, contentType, body }),
    { today: TODAY },
  ).outcome;

/** A result for the subject's license that must not be `clear`. */
const adverseBody = (license: NursysLicenseOptions) =>
  makeNursysResultBody('NT-1', [
    makeNursysRecord({
      firstName: 'DELPHINE',
      lastName: 'MERRIWEATHER',
      licenses: [{ licenseNumber: LICENSE.number, ...license }],
    }),
  ]);

const ADVERSE = [
  adverseBody({ disciplines: [{}] }),
  adverseBody({ active: false, expirationDate: '2023-08-31T00:00:00' }),
  adverseBody({ licenseStatus: 'Suspended' }),
];

/** Replaces every occurrence of one field with another value. */
const replaceField = (
  node: unknown,
  field: string,
  value: unknown,
): unknown => {
  if (Array.isArray(node)) {
    return node.map((inner) => replaceField(inner, field, value));
  }
  if (typeof node !== 'object' || node === null) return node;

  return Object.fromEntries(
    Object.entries(node).map(([key, inner]) =>
      key === field ? [key, value] : [key, replaceField(inner, field, value)],
    ),
  );
};

/** One field of an adverse body replaced, removed or renamed. */
const mutatedAdverse = fc
  .tuple(
    fc.constantFrom(...ADVERSE),
    fc.constantFrom(
      'Transaction',
      'TransactionSuccessFlag',
      'ProcessingCompleteFlag',
      'NurseLookupResponses',
      'NurseLookup',
      'SuccessFlag',
      'Licenses',
      'Active',
      'LicenseStatus',
      'LicenseExpirationDate',
      'Disciplines',
      'DateOfAction',
      'FirstName',
      'LastName',
    ),
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { minLength: 1, maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      fc.constant('__rename__'),
    ),
  )
  .map(([body, field, value]) =>
    value === '__rename__'
      ? JSON.stringify(body).replaceAll(`"${field}"`, `"${field}_v2"`)
      : JSON.stringify(replaceField(body, field, value)),
  );

describe('Nursys parsers and classifier properties', () => {
  it('never throws on arbitrary bytes, statuses and content types', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.constantFrom('application/json', 'text/html', 'text/plain', ''),
        fc.uint8Array({ maxLength: 400 }),
        (status, contentType, body) => {
          const answer = { status, contentType, body };

          expect(() => outcomeOf(status, contentType, body)).not.toThrow();
          expect(() => parseNursysTransaction(answer)).not.toThrow();
          expect(() => parseNursysNotifications(answer)).not.toThrow();
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

  it('never clears a non-2xx answer, whatever its body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }).filter((s) => s < 200 || s > 299),
        (status) => {
          const body = bytes(JSON.stringify(adverseBody({})));

          expect(outcomeOf(status, 'application/json', body)).toBe(
            'source_unavailable',
          );
        },
      ),
    );
  });

  it('never clears a discipline, an expiry or a suspension after one field moved', () => {
    fc.assert(
      fc.property(mutatedAdverse, (text) => {
        expect(outcomeOf(200, 'application/json', bytes(text))).not.toBe(
          'clear',
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('never clears random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = bytes(JSON.stringify(value) ?? 'null');

        expect(outcomeOf(200, 'application/json', text)).not.toBe('clear');
      }),
    );
  });

  it('parses without throwing anything but typed errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseNursysResult({
            status: 200,
            contentType: 'application/json',
            body: bytes(JSON.stringify(value) ?? 'null'),
          });
        } catch (error) {
          expect(error).toBeInstanceOf(RovnError);
        }
      }),
    );
  });
});
