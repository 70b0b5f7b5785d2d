import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeNppesBody,
  makeNppesRecord,
  npiCheckDigit,
} from '../../../packages/core/src';
import { createNppesAdapterHandler } from '../../../packages/functions/src/handlers/nppesAdapterHandler';
import { makeRoster } from '../../factories/roster';
import { queueDepth } from '../../helpers/moto';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const npi = (n: number): string => {
  const first9 = `19${String(n).padStart(7, '0')}`;

  return `${first9}${npiCheckDigit(first9)}`;
};

const KNOWN = npi(1);
const FAILING = npi(2);
const BAD_DIGIT = `${npi(3).slice(0, 9)}${(Number(npi(3)[9]) + 1) % 10}`;

describe('the NPPES adapter handler', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'nppes',
      roster: makeRoster([
        { id: 'w1', givenName: 'Ada', familyName: 'Quill', npi: KNOWN },
        { id: 'w2', givenName: 'Bo', familyName: 'Reed', npi: FAILING },
        { id: 'w3', givenName: 'Cy', familyName: 'Moss', npi: BAD_DIGIT },
      ]),
      simulator: {
        nppes: {
          [KNOWN]: {
            kind: 'body',
            body: JSON.stringify(
              makeNppesBody([
                makeNppesRecord({
                  npi: KNOWN,
                  givenName: 'Ada',
                  familyName: 'Quill',
                }),
              ]),
            ),
          },
          [FAILING]: { kind: 'errors200' },
        },
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('classifies each request, archives receipts and reports a poison message', async () => {
    const handler = createNppesAdapterHandler(async () => harness.deps);
    const requests = await harness.claimRequests();

    const response = await handler(
      sqsEvent([...requests, '{"type":"not a request"'].reverse()),
      testContext('nppes-adapter'),
    );
    const results = await harness.store.db
      .selectFrom('results')
      .select(['check_id', 'outcome', 'receipt_key'])
      .orderBy('check_id')
      .execute();

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }]);
    expect(results.map((r) => [r.check_id, r.outcome])).toEqual([
      ['c-w1-nppes', 'clear'],
      ['c-w2-nppes', 'source_unavailable'],
      ['c-w3-nppes', 'invalid_input'],
    ]);
    expect(results[0]?.receipt_key).toMatch(/^receipts\/nppes\/[0-9a-f]{64}$/);
    expect(results[2]?.receipt_key).toBeNull();
    expect(harness.simulator.requests.nppes).toBe(2);
    expect(
      await queueDepth(
        harness.clients.sqs,
        harness.resources.containerQueue.url,
      ),
    ).toBe(3);
  });

  it('changes nothing when the same requests arrive again', async () => {
    const handler = createNppesAdapterHandler(async () => harness.deps);
    const before = await harness.store.db
      .selectFrom('results')
      .selectAll()
      .execute();
    const requests = await harness.store.db
      .selectFrom('results')
      .select('request_id')
      .execute();
    const bodies = await Promise.all(
      requests.map(async ({ request_id }) => {
        const check = await harness.store.db
          .selectFrom('checks')
          .selectAll()
          .where('id', '=', request_id.split(':')[0] ?? '')
          .executeTakeFirstOrThrow();

        return JSON.stringify({
          type: 'verification.requested',
          requestId: request_id,
          checkId: check.id,
          source: 'nppes',
          workerId: check.worker_id,
          credentialId: check.credential_id,
          dueAt: new Date().toISOString(),
          requestedAt: new Date().toISOString(),
        });
      }),
    );

    const response = await handler(sqsEvent(bodies), testContext('nppes'));
    const after = await harness.store.db
      .selectFrom('results')
      .selectAll()
      .execute();

    expect(response.batchItemFailures).toEqual([]);
    expect(after).toEqual(before);
  });
});
