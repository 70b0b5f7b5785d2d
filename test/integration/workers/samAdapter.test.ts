import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadCheckSubject,
  makeSamBody,
  makeSamRecord,
  npiCheckDigit,
  publishRequests,
  sourceCallsOn,
  type VerificationRequested,
} from '../../../packages/core/src';
import { replayClassification } from '../../../packages/core/src/replay/replayClassification';
import { createSamAdapterHandler } from '../../../packages/functions/src/handlers/samAdapterHandler';
import { samBehaviourKey } from '../../../packages/local/src/simulator/respondSam';
import { makeRoster } from '../../factories/roster';
import { receiveMessages } from '../../helpers/moto';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const npi = (n: number): string => {
  const first9 = `17${String(n).padStart(7, '0')}`;

  return `${first9}${npiCheckDigit(first9)}`;
};

const KEY = 'fake-sam-key';

const today = (): string => new Date().toISOString().slice(0, 10);

const nextUtcMidnight = (): number =>
  Date.parse(`${today()}T00:00:00Z`) + 86_400_000;
const body = (record: Record<string, unknown>) => ({
  kind: 'body' as const,
  body: JSON.stringify(makeSamBody([record])),
});

describe('the SAM adapter handler, through its queue', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'sam',
      roster: makeRoster(
        [
          { id: 'w1', givenName: 'Ada', familyName: 'Quill', npi: npi(1) },
          { id: 'w2', givenName: 'Bo', familyName: 'Reed', npi: npi(2) },
          { id: 'w3', givenName: 'Cy', familyName: 'Moss', npi: null },
          { id: 'w4', givenName: 'Di', familyName: 'Fenn', npi: npi(4) },
        ].map((person) => ({ ...person, sources: ['sam'] })),
      ),
      simulator: {
        sam: {
          [samBehaviourKey({ npi: npi(1) })]: body(
            makeSamRecord({ firstName: 'ADA', lastName: 'QUILL', npi: npi(1) }),
          ),
          [samBehaviourKey({ exclusionName: 'Cy Moss' })]: body(
            makeSamRecord({ firstName: 'CY', lastName: 'MOSS' }),
          ),
          [samBehaviourKey({ npi: npi(4) })]: { kind: 'html' },
        },
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  /** Publishes the due requests and hands what the SAM queue got over. */
  const deliverDue = async (now = new Date()) => {
    const requests = (await harness.claimRequests(now)).map(
      (text) => JSON.parse(text) as VerificationRequested,
    );
    await publishRequests(
      harness.clients.sns,
      harness.resources.topicArn,
      requests,
    );
    const bodies: string[] = [];
    for (
      let round = 0;
      round < 10 && bodies.length < requests.length;
      round++
    ) {
      const messages = await receiveMessages(
        harness.clients.sqs,
        harness.resources.queues.sam.url,
      );
      for (const message of messages) {
        bodies.push(message.Body ?? '');
        await harness.clients.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: harness.resources.queues.sam.url,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      }
    }

    return sqsEvent(bodies);
  };

  it('classifies each worker, sending the key only to SAM.gov', async () => {
    const handler = createSamAdapterHandler(async () => harness.deps, {
      apiKey: async () => KEY,
      dailyCallLimit: 100,
    });
    const event = await deliverDue();

    const response = await handler(event, testContext('sam-adapter'));
    const results = await harness.store.db
      .selectFrom('results')
      .select(['check_id', 'outcome', 'receipt_key'])
      .orderBy('check_id')
      .execute();
    const manifests = await harness.store.db
      .selectFrom('receipts')
      .select('key')
      .where('source', '=', 'sam')
      .execute();

    expect(event.Records).toHaveLength(4);
    expect(response.batchItemFailures).toEqual([]);
    expect(results.map((r) => [r.check_id, r.outcome])).toEqual([
      ['c-w1-sam', 'flagged'],
      ['c-w2-sam', 'clear'],
      ['c-w3-sam', 'needs_review'],
      ['c-w4-sam', 'source_unavailable'],
    ]);
    expect(results[0]?.receipt_key).toMatch(/^receipts\/sam\/[0-9a-f]{64}$/);
    expect(manifests.length).toBeGreaterThan(0);
    // w1, w2: NPI and name; w3: name only; w4: the NPI lookup failed.
    expect(harness.simulator.requests.sam).toBe(6);
    expect(
      harness.simulator.received
        .filter((r) => r.route === 'sam')
        .every((r) => r.query.get('api_key') === KEY),
    ).toBe(true);
    expect(await sourceCallsOn(harness.store.db, 'sam', today())).toBe(7);
  });

  it('names the receipt that decided, so replaying it gives the stored outcome', async () => {
    // w1 is flagged by its NPI lookup; the name lookup after it finds
    // nothing. An auditor replaying the result's receipt must see the flag.
    const stored = await harness.store.db
      .selectFrom('results')
      .select(['check_id', 'outcome', 'receipt_key', 'checked_at'])
      .where('source', '=', 'sam')
      .where('outcome', 'in', ['flagged', 'clear', 'needs_review'])
      .execute();

    expect(stored.map((r) => r.outcome).sort()).toEqual([
      'clear',
      'flagged',
      'needs_review',
    ]);
    for (const result of stored) {
      const object = await harness.clients.s3.send(
        new GetObjectCommand({
          Bucket: harness.resources.bucket,
          Key: result.receipt_key ?? '',
        }),
      );
      const { subject } = await loadCheckSubject(
        harness.store.db,
        result.check_id,
      );
      const replayed = replayClassification({
        source: 'sam',
        subject,
        response: {
          status: 200,
          contentType: 'application/json',
          body: (await object.Body?.transformToByteArray()) ?? new Uint8Array(),
        },
        at: new Date(result.checked_at),
      });

      expect([result.check_id, replayed.outcome]).toEqual([
        result.check_id,
        result.outcome,
      ]);
    }
  });

  it('stops at a 429, spends the day and waits for the next UTC day', async () => {
    harness.simulator.setSamBehaviour(samBehaviourKey({ npi: npi(2) }), {
      kind: 'http429',
      retryAfter: 60,
    });
    const handler = createSamAdapterHandler(async () => harness.deps, {
      apiKey: async () => KEY,
      dailyCallLimit: 100,
    });
    const event = await deliverDue(new Date(Date.now() + 40 * 86_400_000));

    await handler(event, testContext('sam-adapter'));
    const w2 = await harness.store.db
      .selectFrom('checks')
      .innerJoin('results', 'results.id', 'checks.last_result_id')
      .select(['checks.next_due_at', 'results.outcome', 'results.findings'])
      .where('checks.id', '=', 'c-w2-sam')
      .executeTakeFirstOrThrow();

    expect(w2.outcome).toBe('source_unavailable');
    expect(w2.findings).toEqual([
      expect.objectContaining({
        code: 'quota_exhausted',
        data: { query: 'npi', reason: 'http_429' },
      }),
    ]);
    expect(new Date(w2.next_due_at).getTime()).toBeGreaterThanOrEqual(
      nextUtcMidnight(),
    );
    expect(await sourceCallsOn(harness.store.db, 'sam', today())).toBe(100);
  });

  it('makes no call once the day is spent', async () => {
    const handler = createSamAdapterHandler(async () => harness.deps, {
      apiKey: async () => KEY,
      dailyCallLimit: 100,
    });
    const event = await deliverDue(new Date(Date.now() + 80 * 86_400_000));
    harness.simulator.resetCounters();

    const response = await handler(event, testContext('sam-adapter'));
    const outcomes = await harness.store.db
      .selectFrom('checks')
      .innerJoin('results', 'results.id', 'checks.last_result_id')
      .select(['results.outcome', 'results.findings'])
      .execute();

    expect(event.Records).toHaveLength(4);
    expect(response.batchItemFailures).toEqual([]);
    expect(harness.simulator.requests.sam).toBe(0);
    expect(outcomes.map((o) => o.outcome)).toEqual(
      Array(4).fill('source_unavailable'),
    );
    expect(outcomes.map((o) => o.findings)).toEqual(
      Array(4).fill([
        expect.objectContaining({
          code: 'quota_exhausted',
          data: { reason: 'daily_budget_spent' },
        }),
      ]),
    );
  });
});
