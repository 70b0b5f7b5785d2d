import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginNursysSubmit,
  licenseKey,
  makeNursysRecord,
  nursysTransactionsOf,
  SOURCES,
  type VerificationRequested,
  visibilityTimeoutFor,
} from '../../../packages/core/src';
import { createNursysAdapterHandler } from '../../../packages/functions/src/handlers/nursysAdapterHandler';
import { makeRoster } from '../../factories/roster';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const SECOND = 1_000;
const LICENSE = { jurisdiction: 'KS', number: 'RN000101', type: 'RN' };

/** The deployed adapter's time limit and its queue's visibility timeout. */
const DEPLOYED = {
  timeLimitMs: SOURCES.nursys.adapter.timeoutSeconds * SECOND,
  visibilityMs:
    visibilityTimeoutFor(SOURCES.nursys.adapter.timeoutSeconds) * SECOND,
};

/**
 * An invocation that died after claiming a check's submit (killed, or its
 * connection dropped) leaves the claim behind. The check's message comes
 * back after a visibility timeout, at most `maxReceiveCount` times: each
 * redelivery after the dead invocation's time limit must take the submit
 * over, or the check could never be answered and its message would end
 * in the DLQ.
 */
describe('the Nursys adapter after an invocation died mid-submit', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'nursys-takeover',
      roster: makeRoster(
        ['w1', 'w2', 'w3'].map((id) => ({
          id,
          sources: ['nursys'],
          license: LICENSE,
        })),
      ),
      simulator: {
        nursys: {
          pendingPolls: 0,
          behaviours: {
            [licenseKey({
              jurisdiction: LICENSE.jurisdiction,
              licenseType: LICENSE.type,
              licenseNumber: LICENSE.number,
            })]: {
              kind: 'result',
              records: [
                makeNursysRecord({
                  firstName: 'ADA',
                  lastName: 'QUILL',
                  licenses: [{ licenseNumber: LICENSE.number }],
                }),
              ],
            },
          },
        },
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  const submits = () =>
    harness.simulator.received.filter(
      (r) => r.route === 'nursys' && r.method === 'POST',
    ).length;

  /**
   * The request of one worker's check, with its submit claimed at
   * `claimedAt` by an invocation that never got further.
   */
  const deadSubmit = async (workerId: string, claimedAt: Date) => {
    const body = (await harness.claimRequests(claimedAt)).find((text) =>
      text.includes(`"c-${workerId}-nursys"`),
    );
    if (body === undefined) throw new Error(`${workerId} is not due`);
    const request = JSON.parse(body) as VerificationRequested;
    await beginNursysSubmit(harness.store.db, {
      checkId: request.checkId,
      requestId: request.requestId,
      now: claimedAt,
    });

    return { request, event: sqsEvent([body]) };
  };

  const handlerAt = (at: Date, options: { submitStaleAfterMs?: number }) =>
    createNursysAdapterHandler(
      async () => ({ ...harness.deps, clock: () => at }),
      {
        credentials: async () => ({ username: 'inst', password: 'fake' }),
        polling: {
          maxPolls: 2,
          firstDelayMs: 1,
          maxDelayMs: 1,
          budgetMs: 60_000,
          pendingLimitMs: 24 * 3_600_000,
        },
        sleep: async () => undefined,
        ...options,
      },
    );

  it('leaves a claim younger than the time limit to its invocation', async () => {
    const claimedAt = new Date();
    const { request, event } = await deadSubmit('w1', claimedAt);
    const before = submits();

    const response = await handlerAt(
      new Date(claimedAt.getTime() + 30 * SECOND),
      {},
    )(event, testContext('nursys'));
    const transactions = await nursysTransactionsOf(
      harness.store.db,
      request.checkId,
    );

    expect(response.batchItemFailures).toHaveLength(1);
    expect(submits()).toBe(before);
    expect(transactions.map((t) => t.status)).toEqual(['submitting']);
  });

  it('takes over a claim past the deployed time limit, before any redelivery', async () => {
    const claimedAt = new Date(Date.now() + 3_600_000);
    const { request, event } = await deadSubmit('w2', claimedAt);
    const before = submits();
    // A message that failed at the claim comes back deployed one
    // visibility timeout later (six time limits): any redelivery is later
    // than this one, so each can take the claim over.
    const redelivered = new Date(
      claimedAt.getTime() + DEPLOYED.timeLimitMs + 15 * SECOND,
    );

    const response = await handlerAt(redelivered, {})(
      event,
      testContext('nursys'),
    );
    const transactions = await nursysTransactionsOf(
      harness.store.db,
      request.checkId,
    );

    expect(DEPLOYED.timeLimitMs + 15 * SECOND).toBeLessThan(
      DEPLOYED.visibilityMs,
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(submits()).toBe(before + 1);
    expect(transactions.map((t) => t.status)).toEqual(['complete']);
  });

  it('takes the claim over within a shorter time limit, as the local run sets', async () => {
    const claimedAt = new Date(Date.now() + 2 * 3_600_000);
    const { request, event } = await deadSubmit('w3', claimedAt);
    // The local run: 50 s time limit, 60 s visibility timeout.
    const redelivered = new Date(claimedAt.getTime() + 61 * SECOND);

    const response = await handlerAt(redelivered, {
      submitStaleAfterMs: 55 * SECOND,
    })(event, testContext('nursys'));
    const transactions = await nursysTransactionsOf(
      harness.store.db,
      request.checkId,
    );

    expect(response.batchItemFailures).toEqual([]);
    expect(transactions.map((t) => t.status)).toEqual(['complete']);
  });
});
