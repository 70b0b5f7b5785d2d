import { describe, expect, it } from 'vitest';
import { classifyNursys } from '../../../../packages/core/src/sources/nursys/classifyNursys';
import type {
  NursysLicenseOptions,
  NursysRecordOptions,
} from '../../../../packages/core/src/sources/nursys/nursysBodyFactory';
import { parseNursysResult } from '../../../../packages/core/src/sources/nursys/parseNursysResult';
import type { ParsedNursysResult } from '../../../../packages/core/src/sources/nursys/types';
import { makeSubject } from '../subjectFactory';
import { nurseResult, nurseSubject, nursysAnswer } from './factories';

const TODAY = '2025-01-15';

const classify = (
  parsed: ParsedNursysResult,
  subject = nurseSubject(),
  today = TODAY,
) => classifyNursys(subject, parsed, { today });

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('classifyNursys', () => {
  it('clears an active, unexpired license without discipline', () => {
    const result = classify(parseNursysResult(nurseResult()));

    expect(result).toEqual({
      outcome: 'clear',
      findings: [
        expect.objectContaining({
          code: 'license_active',
          data: {
            jurisdiction: 'KS',
            licenseType: 'RN',
            active: true,
            licenseStatus: 'Active',
            expirationDate: '2028-06-30',
            compactStatus: 'Multistate',
          },
        }),
      ],
      expiresOn: '2028-06-30',
    });
  });

  it('matches the subject license whatever its case and spacing', () => {
    const subject = nurseSubject({
      license: { jurisdiction: 'ks ', number: ' rn004217', type: 'rn' },
    });

    expect(classify(parseNursysResult(nurseResult()), subject).outcome).toBe(
      'clear',
    );
  });

  it('flags any discipline, with codes and dates but no person', () => {
    const result = classify(
      parseNursysResult(
        nurseResult({
          disciplines: [
            {
              dateOfAction: '2024-03-12T00:00:00',
              againstPrivilegeToPractice: true,
              npdbBasisCodes: ['F1'],
              npdbActionCodes: ['1145'],
              documentIds: ['DOC-9'],
            },
          ],
        }),
      ),
    );

    expect(result.outcome).toBe('flagged');
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'discipline',
        data: {
          jurisdiction: 'KS',
          licenseType: 'RN',
          onCheckedLicense: true,
          dateOfAction: '2024-03-12',
          againstPrivilegeToPractice: true,
          npdbBasisCodes: ['F1'],
          npdbActionCodes: ['1145'],
          documentIds: ['DOC-9'],
        },
      }),
    ]);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/RN004217|MERRIWEATHER|Merriweather|1984/);
  });

  it('flags a discipline on another license of the same nurse', () => {
    const body = nurseResult(
      {},
      {
        licenses: [
          { licenseNumber: 'RN004217' },
          {
            jurisdiction: 'MO',
            licenseNumber: '2011000123',
            disciplines: [{}],
          },
        ],
      },
    );

    const result = classify(parseNursysResult(body));

    expect(result.outcome).toBe('flagged');
    expect(result.findings[0]).toMatchObject({
      code: 'discipline',
      data: { jurisdiction: 'MO', onCheckedLicense: false },
    });
  });

  it('calls an inactive license expired', () => {
    const result = classify(
      parseNursysResult(
        nurseResult({ active: false, licenseStatus: 'Inactive' }),
      ),
    );

    expect(result.outcome).toBe('expired');
    expect(codes(result.findings)).toEqual(['license_inactive']);
  });

  it('calls a license whose expiration day has passed expired', () => {
    const result = classify(
      parseNursysResult(nurseResult({ expirationDate: '2025-01-14T00:00:00' })),
    );

    expect(result.outcome).toBe('expired');
    expect(codes(result.findings)).toEqual(['license_expired']);
  });

  it('keeps a license valid on its expiration day, in either timestamp form', () => {
    for (const expirationDate of [
      '2025-01-15T00:00:00',
      '2025-01-15T23:59:00-06:00',
    ]) {
      const result = classify(
        parseNursysResult(nurseResult({ expirationDate })),
      );

      expect(result.outcome).toBe('clear');
    }
  });

  it('decides expiry against the day it is given (replay --at)', () => {
    const parsed = parseNursysResult(
      nurseResult({ expirationDate: '2028-06-30T00:00:00-05:00' }),
    );

    expect(classify(parsed, nurseSubject(), '2028-06-30').outcome).toBe(
      'clear',
    );
    expect(classify(parsed, nurseSubject(), '2028-07-01').outcome).toBe(
      'expired',
    );
  });

  it('finds nothing when no license has the jurisdiction, type and number', () => {
    const cases = [
      nurseResult({ licenseNumber: 'RN004218' }),
      nurseResult({ jurisdiction: 'MO' }),
      nurseResult({ licenseType: 'PN' }),
      nurseResult({ licenseNumber: '0RN004217' }),
    ];

    for (const body of cases) {
      const result = classify(parseNursysResult(body));

      expect(result.outcome).toBe('not_found');
      expect(result.findings[0]).toMatchObject({
        code: 'license_not_found',
        data: { jurisdiction: 'KS', licenseType: 'RN', licensesReturned: 1 },
      });
    }
  });

  it('finds nothing when Nursys knows no nurse for the license', () => {
    const body = nursysAnswer({
      Transaction: {
        TransactionId: 'NT-1',
        TransactionSuccessFlag: true,
        TransactionErrors: [],
      },
      ProcessingCompleteFlag: true,
      NurseLookupResponses: [
        { SuccessFlag: true, Errors: [], NurseLookup: null },
      ],
    });

    expect(classify(parseNursysResult(body)).outcome).toBe('not_found');
  });

  it('sends a name that does not match to a person', () => {
    const result = classify(
      parseNursysResult(
        nurseResult({}, { firstName: 'MARISOL', lastName: 'QUENBY' }),
      ),
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual(['name_mismatch']);
  });

  it('puts a name mismatch before an expiry', () => {
    const result = classify(
      parseNursysResult(
        nurseResult(
          { active: false },
          { firstName: 'MARISOL', lastName: 'QUENBY' },
        ),
      ),
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual([
      'name_mismatch',
      'license_inactive',
    ]);
  });

  it('sends an active license without expiration date to a person', () => {
    const result = classify(
      parseNursysResult(nurseResult({ expirationDate: null })),
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual(['expiration_unknown']);
  });

  it('sends an active license whose status says revoked to a person', () => {
    const result = classify(
      parseNursysResult(nurseResult({ licenseStatus: 'Revoked' })),
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual(['status_conflict']);
  });

  it('sends two licenses with the same key to a person', () => {
    const result = classify(
      parseNursysResult(
        nurseResult(
          {},
          {
            licenses: [
              { licenseNumber: 'RN004217' },
              { licenseNumber: 'rn004217' },
            ],
          },
        ),
      ),
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual(['license_ambiguous']);
  });

  it.each([
    [{ kind: 'pending', transactionId: 'NT-1' }, 'transaction_pending'],
    [{ kind: 'rate_limited', retryAfter: '60' }, 'rate_limited'],
    [{ kind: 'credentials_refused', status: 401 }, 'credentials_refused'],
    [{ kind: 'source_error', status: 500 }, 'source_error'],
    [{ kind: 'unreadable', reason: 'html_body' }, 'unreadable_response'],
    [
      { kind: 'transaction_failed', errors: [{ code: 'E1' }] },
      'transaction_error',
    ],
  ] as const)('makes %j source_unavailable', (parsed, code) => {
    const result = classify(parsed as ParsedNursysResult);

    expect(result.outcome).toBe('source_unavailable');
    expect(codes(result.findings)).toEqual([code]);
  });

  it('makes a record Nursys marked unsuccessful source_unavailable', () => {
    const result = classify(
      parseNursysResult(
        nurseResult(
          {},
          {
            successFlag: false,
            errors: [{ ErrorCode: 'E2001', ErrorMessage: 'No match' }],
          },
        ),
      ),
    );

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]).toMatchObject({
      code: 'lookup_error',
      data: { errorCodes: ['E2001'] },
    });
  });

  it('answers invalid_input for a subject without a license', () => {
    const result = classify(parseNursysResult(nurseResult()), makeSubject());

    expect(result.outcome).toBe('invalid_input');
    expect(codes(result.findings)).toEqual(['license_missing']);
  });
});

describe('classifyNursys license status words', () => {
  it.each(['Active', 'ACTIVE - MULTISTATE', 'Current'])(
    'clears an active license whose status is %s',
    (licenseStatus) => {
      const result = classifyNursys(
        nurseSubject(),
        parseNursysResult(nurseResult({ licenseStatus })),
        { today: TODAY },
      );

      expect(result.outcome).toBe('clear');
    },
  );

  it.each(['', 'Pending Review', '5'])(
    'sends an active license with the unknown status %j to a person',
    (licenseStatus) => {
      const result = classifyNursys(
        nurseSubject(),
        parseNursysResult(nurseResult({ licenseStatus })),
        { today: TODAY },
      );

      expect(result.outcome).toBe('needs_review');
      expect(codes(result.findings)).toEqual(['status_unrecognised']);
    },
  );
});

describe('classifyNursys expiresOn', () => {
  const renamed = { firstName: 'MARISOL', lastName: 'QUENBY' };

  it.each<[string, NursysLicenseOptions, string]>([
    ['clear', {}, '2028-06-30'],
    ['expired', { expirationDate: '2025-01-14T00:00:00' }, '2025-01-14'],
    [
      'expired',
      { active: false, expirationDate: '2027-03-31T00:00:00-05:00' },
      '2027-03-31',
    ],
    ['flagged', { disciplines: [{}] }, '2028-06-30'],
    ['needs_review', { licenseStatus: 'Pending Review' }, '2028-06-30'],
    ['needs_review', { licenseStatus: 'Revoked' }, '2028-06-30'],
  ])(
    'reports the checked license date with a %s outcome under the worker name',
    (outcome, license, expiresOn) => {
      const result = classify(parseNursysResult(nurseResult(license)));

      expect([result.outcome, result.expiresOn]).toEqual([outcome, expiresOn]);
    },
  );

  it("takes the checked license's date, not one of the nurse's others", () => {
    const body = nurseResult(
      {},
      {
        licenses: [
          {
            jurisdiction: 'MO',
            licenseNumber: '2011000123',
            expirationDate: '2025-02-28T00:00:00',
            disciplines: [{}],
          },
          {
            licenseNumber: 'RN004217',
            expirationDate: '2027-09-30T00:00:00',
          },
        ],
      },
    );

    const result = classify(parseNursysResult(body));

    expect([result.outcome, result.expiresOn]).toEqual([
      'flagged',
      '2027-09-30',
    ]);
  });

  it.each([
    ['a name that does not match', renamed],
    ['a name that only partly matches', { firstName: 'D' }],
    ['no last name', { lastName: '' }],
  ] as [string, NursysRecordOptions][])(
    'leaves it out for %s',
    (_case, record) => {
      const result = classify(parseNursysResult(nurseResult({}, record)));

      expect(result.outcome).toBe('needs_review');
      expect(result).not.toHaveProperty('expiresOn');
    },
  );

  it('leaves it out when a discipline flags a nurse under another name', () => {
    const result = classify(
      parseNursysResult(nurseResult({ disciplines: [{}] }, renamed)),
    );

    expect(result.outcome).toBe('flagged');
    expect(result).not.toHaveProperty('expiresOn');
  });

  it('leaves it out without a date, a single match or a completed lookup', () => {
    const twice = nurseResult(
      {},
      {
        licenses: [
          { licenseNumber: 'RN004217', expirationDate: '2027-09-30T00:00:00' },
          { licenseNumber: 'rn004217', expirationDate: '2028-06-30T00:00:00' },
        ],
      },
    );
    const results = [
      classify(parseNursysResult(nurseResult({ expirationDate: null }))),
      classify(parseNursysResult(twice)),
      classify(parseNursysResult(nurseResult({ licenseNumber: 'RN004218' }))),
      classify({ kind: 'pending', transactionId: 'NT-1' }),
      classify(parseNursysResult(nurseResult()), makeSubject()),
    ];

    expect(results.map((r) => [r.outcome, 'expiresOn' in r])).toEqual([
      ['needs_review', false],
      ['needs_review', false],
      ['not_found', false],
      ['source_unavailable', false],
      ['invalid_input', false],
    ]);
  });
});
