import { describe, expect, it } from 'vitest';
import {
  checkSourceVerdicts,
  type IndexedReceipt,
  type VerdictResult,
} from '../../../packages/local/src/chaos/checkSourceVerdicts';
import type { ServedResponse } from '../../../packages/local/src/simulator/simulatorFaults';

const SUBMIT = '/nursys/api/nurselookup?';
const POLL = '/nursys/api/nurselookup?transactionId=NT-00000007';
const BOARD_PAGE = '/ksbn/api/registrant/search?keyword=RN507918&skip=0';

const served = (
  route: string,
  key: string,
  sha256: string,
  overrides: Partial<ServedResponse> = {},
): ServedResponse => ({
  route,
  key,
  attempt: 1,
  status: 200,
  sha256,
  fault: null,
  ...overrides,
});

const result = (
  source: string,
  outcome: string,
  sha256: string | null,
): VerdictResult => ({
  id: `r-${source}-${outcome}-${sha256}`,
  check_id: `c-${source}`,
  source,
  outcome,
  receipt_key: sha256 === null ? null : `receipts/${source}/${sha256}`,
});

/** The receipt index of the given results, each of its own source. */
const receiptsOf = (
  results: readonly VerdictResult[],
  sourceOverride?: string,
): Map<string, IndexedReceipt> =>
  new Map(
    results
      .filter((r) => r.receipt_key !== null)
      .map((r) => [
        r.receipt_key ?? '',
        {
          source: sourceOverride ?? r.source,
          sha256: r.receipt_key?.split('/')[2] ?? '',
        },
      ]),
  );

describe('checkSourceVerdicts', () => {
  it('counts clear results backed by a well-formed answer of their source', () => {
    const results = [
      result('nursys', 'clear', 'aa'),
      result('board-ks', 'clear', 'bb'),
    ];

    const verdicts = checkSourceVerdicts({
      results,
      receipts: receiptsOf(results),
      served: [served('nursys', POLL, 'aa'), served('board', BOARD_PAGE, 'bb')],
    });

    expect(verdicts.violations).toEqual([]);
    expect(verdicts.clear).toEqual({
      results: 2,
      backedByWellFormedAnswer: 2,
      bySource: {
        nursys: { results: 1, backed: 1 },
        'board-ks': { results: 1, backed: 1 },
      },
    });
  });

  it("refuses a Nursys clear backed only by the submit's answer", () => {
    const results = [result('nursys', 'clear', 'aa')];

    const verdicts = checkSourceVerdicts({
      results,
      receipts: receiptsOf(results),
      served: [served('nursys', SUBMIT, 'aa')],
    });

    expect(verdicts.clear.backedByWellFormedAnswer).toBe(0);
    expect(verdicts.violations).toEqual([
      expect.stringContaining('is clear without a well-formed nursys answer'),
    ]);
  });

  it("refuses a clear whose receipt holds another source's answer", () => {
    const results = [result('board-ks', 'clear', 'cc')];

    const verdicts = checkSourceVerdicts({
      results,
      receipts: receiptsOf(results, 'nppes'),
      served: [served('nppes', '/api/?number=1234567893', 'cc')],
    });

    expect(verdicts.clear.bySource).toEqual({
      'board-ks': { results: 1, backed: 0 },
    });
    expect(verdicts.violations).toHaveLength(1);
  });

  it('refuses a clear on bytes served only as a fault', () => {
    const results = [result('board-ks', 'clear', 'dd')];

    const verdicts = checkSourceVerdicts({
      results,
      receipts: receiptsOf(results),
      served: [served('board', BOARD_PAGE, 'dd', { fault: 'malformed' })],
    });

    expect(verdicts.violations).toEqual([
      expect.stringContaining('is clear without'),
      expect.stringContaining('is clear on a faulty board-ks answer'),
    ]);
  });

  it('accepts only source_unavailable on a faulty answer', () => {
    const results = [
      result('nursys', 'source_unavailable', 'ee'),
      result('board-ks', 'not_found', 'ff'),
    ];

    const verdicts = checkSourceVerdicts({
      results,
      receipts: receiptsOf(results),
      served: [
        served('nursys', POLL, 'ee', { status: 429, fault: 'http429' }),
        served('board', BOARD_PAGE, 'ff', { fault: 'malformed' }),
      ],
    });

    expect(verdicts.onFaultyAnswers).toEqual({
      results: 2,
      sourceUnavailable: 1,
    });
    expect(verdicts.violations).toEqual([
      expect.stringContaining('is not_found on a faulty board-ks answer'),
    ]);
  });
});
