import { describe, expect, it } from 'vitest';
import {
  makeNursysNotification,
  makeNursysNotificationBody,
  makeNursysRecord,
  makeNursysResultBody,
  makeNursysSubmitBody,
} from '../../../../packages/core/src/sources/nursys/nursysBodyFactory';
import { parseNursysNotifications } from '../../../../packages/core/src/sources/nursys/parseNursysNotifications';
import { parseNursysResult } from '../../../../packages/core/src/sources/nursys/parseNursysResult';
import { parseNursysTransaction } from '../../../../packages/core/src/sources/nursys/parseNursysTransaction';
import { nurseResult, nursysAnswer } from './factories';

const ERROR = { ErrorCode: 'E1021', ErrorMessage: 'Invalid license RN004217' };

describe('parseNursysTransaction', () => {
  it('reads the transaction id of an accepted submit', () => {
    const parsed = parseNursysTransaction(
      nursysAnswer(makeNursysSubmitBody('NT-7')),
    );

    expect(parsed).toEqual({ kind: 'submitted', transactionId: 'NT-7' });
  });

  it('keeps only the codes of a refused transaction', () => {
    const parsed = parseNursysTransaction(
      nursysAnswer(makeNursysSubmitBody('NT-7', [ERROR])),
    );

    expect(parsed).toEqual({
      kind: 'transaction_failed',
      errors: [{ code: 'E1021' }],
    });
    expect(JSON.stringify(parsed)).not.toContain('RN004217');
  });

  it('reads a transaction id that became a number', () => {
    const body = makeNursysSubmitBody('1');
    (body.Transaction as Record<string, unknown>).TransactionId = 1;

    expect(parseNursysTransaction(nursysAnswer(body))).toEqual({
      kind: 'submitted',
      transactionId: '1',
    });
  });

  it.each([
    [
      429,
      { 'retry-after': '120' },
      { kind: 'rate_limited', retryAfter: '120' },
    ],
    [429, {}, { kind: 'rate_limited', retryAfter: null }],
    [401, {}, { kind: 'credentials_refused', status: 401 }],
    [500, {}, { kind: 'source_error', status: 500 }],
  ])('reads HTTP %i as a failure', (status, headers, expected) => {
    const parsed = parseNursysTransaction(
      nursysAnswer('{"Message":"x"}', { status, headers }),
    );

    expect(parsed).toEqual(expected);
  });

  it.each([
    [
      'an HTML page',
      '<html><body>Down</body></html>',
      'text/html',
      'html_body',
    ],
    ['an empty body', '', 'application/json', 'empty_body'],
    ['an array', '[]', 'application/json', 'not_an_object'],
    [
      'a renamed block',
      '{"Txn":{}}',
      'application/json',
      'schema_mismatch:Transaction:invalid_type',
    ],
    [
      'a flag that became a number',
      '{"Transaction":{"TransactionId":"a","TransactionSuccessFlag":1}}',
      'application/json',
      'schema_mismatch:Transaction.TransactionSuccessFlag:invalid_union',
    ],
  ])('calls %s unreadable', (_what, body, contentType, reason) => {
    const parsed = parseNursysTransaction(nursysAnswer(body, { contentType }));

    expect(parsed).toEqual({ kind: 'unreadable', reason });
  });
});

describe('parseNursysResult', () => {
  it('reads a lookup that is not complete as pending', () => {
    const parsed = parseNursysResult(
      nursysAnswer(makeNursysResultBody('NT-1', null)),
    );

    expect(parsed).toEqual({ kind: 'pending', transactionId: 'NT-1' });
  });

  it('normalises a complete lookup, dates in both forms', () => {
    const parsed = parseNursysResult(
      nurseResult({
        originalDate: '2016-07-14T00:00:00',
        expirationDate: '2028-06-30T23:00:00-05:00',
        disciplines: [
          {
            dateOfAction: '2024-03-12T09:15:00Z',
            againstPrivilegeToPractice: true,
            npdbBasisCodes: ['F1'],
            npdbActionCodes: ['1145'],
            documentIds: ['DOC-1'],
          },
        ],
      }),
    );

    expect(parsed).toEqual({
      kind: 'complete',
      transactionId: 'NT-1',
      records: [
        {
          recordId: 'rec-1',
          successFlag: true,
          errors: [],
          givenName: 'DELPHINE',
          middleName: 'ROSE',
          familyName: 'MERRIWEATHER',
          licenses: [
            {
              jurisdiction: 'KS',
              licenseNumber: 'RN004217',
              licenseType: 'RN',
              active: true,
              licenseStatus: 'Active',
              originalDate: '2016-07-14',
              expirationDate: '2028-06-30',
              compactStatus: 'Multistate',
              disciplines: [
                {
                  dateOfAction: '2024-03-12',
                  againstPrivilegeToPractice: true,
                  npdbBasisCodes: ['F1'],
                  npdbActionCodes: ['1145'],
                  documentIds: ['DOC-1'],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads flags written as words and codes written as numbers', () => {
    const body = makeNursysResultBody('NT-1', [
      makeNursysRecord({ licenses: [{ disciplines: [{}] }] }),
    ]);
    const record = (body.NurseLookupResponses as Record<string, unknown>[])[0];
    const nurse = record?.NurseLookup as Record<string, unknown>;
    const license = (nurse.Licenses as Record<string, unknown>[])[0] ?? {};
    license.Active = 'Y';
    (license.Disciplines as Record<string, unknown>[])[0] = {
      ...(license.Disciplines as Record<string, unknown>[])[0],
      NpdbActionCodes: [1145],
      AgainstPrivilegeToPractice: 'No',
    };

    const parsed = parseNursysResult(nursysAnswer(body));

    expect(parsed).toMatchObject({
      kind: 'complete',
      records: [
        {
          licenses: [
            {
              active: true,
              disciplines: [
                {
                  npdbActionCodes: ['1145'],
                  againstPrivilegeToPractice: false,
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it.each([
    [
      'Licenses',
      'schema_mismatch:NurseLookupResponses.0.NurseLookup.Licenses:invalid_type',
    ],
    [
      'Disciplines',
      'schema_mismatch:NurseLookupResponses.0.NurseLookup.Licenses.0.Disciplines:invalid_type',
    ],
    [
      'Active',
      'schema_mismatch:NurseLookupResponses.0.NurseLookup.Licenses.0.Active:invalid_union',
    ],
  ])('calls a body whose %s was renamed unreadable', (field, reason) => {
    const text = JSON.stringify(
      makeNursysResultBody('NT-1', [makeNursysRecord()]),
    ).replace(`"${field}"`, `"${field}List"`);

    expect(parseNursysResult(nursysAnswer(text))).toEqual({
      kind: 'unreadable',
      reason,
    });
  });

  it('calls a complete lookup without responses unreadable', () => {
    const body = makeNursysResultBody('NT-1', []);
    delete body.NurseLookupResponses;

    expect(parseNursysResult(nursysAnswer(body))).toEqual({
      kind: 'unreadable',
      reason: 'nurse_lookup_responses_missing',
    });
  });

  it('calls an expiration date in another layout unreadable', () => {
    const parsed = parseNursysResult(
      nurseResult({ expirationDate: '06/30/2028' }),
    );

    expect(parsed).toMatchObject({ kind: 'unreadable' });
  });
});

describe('parseNursysNotifications', () => {
  it('lists the reported licenses', () => {
    const parsed = parseNursysNotifications(
      nursysAnswer(
        makeNursysNotificationBody('NN-1', [
          makeNursysNotification({
            jurisdiction: 'KS',
            licenseNumber: 'RN004217',
            licenseType: 'RN',
            notificationType: 'Discipline',
          }),
        ]),
      ),
    );

    expect(parsed).toEqual({
      kind: 'complete',
      transactionId: 'NN-1',
      notifications: [
        {
          jurisdiction: 'KS',
          licenseNumber: 'RN004217',
          licenseType: 'RN',
          notificationType: 'Discipline',
          notificationDate: '2025-01-14',
        },
      ],
    });
  });

  it('reads a lookup that is not complete as pending', () => {
    const parsed = parseNursysNotifications(
      nursysAnswer(makeNursysNotificationBody('NN-1', null)),
    );

    expect(parsed).toEqual({ kind: 'pending', transactionId: 'NN-1' });
  });

  it('calls an entry without a license number unreadable', () => {
    const body = makeNursysNotificationBody('NN-1', [
      { JurisdictionAbbreviation: 'KS', LicenseType: 'RN' },
    ]);

    expect(parseNursysNotifications(nursysAnswer(body))).toMatchObject({
      kind: 'unreadable',
    });
  });
});
