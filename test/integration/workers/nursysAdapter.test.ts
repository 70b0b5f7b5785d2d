import { DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  licenseKey,
  makeNursysRecord,
  type NursysLicenseOptions,
  nursysTransactionsOf,
  publishRequests,
  type VerificationRequested,
} from '../../../packages/core/src';
import { createNursysAdapterHandler } from '../../../packages/functions/src/handlers/nursysAdapterHandler';
import type { NursysBehaviour } from '../../../packages/local/src/simulator/behaviours';
import { makeRoster } from '../../factories/roster';
import { receiveMessages } from '../../helpers/moto';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const HOUR = 3_600_000;

/** The made-up nurses: id, name and what Nursys does for their license. */
const NURSES: {
  id: string;
  givenName: string;
  familyName: string;
  behaviour?: (number: string) => NursysBehaviour;
  noLicense?: boolean;
}[] = [];

const result =
  (license: NursysLicenseOptions = {}, name?: [string, string]) =>
  (number: string): NursysBehaviour => ({
    kind: 'result',
    records: [
      makeNursysRecord({
        firstName: name?.[0] ?? 'ADA',
        lastName: name?.[1] ?? 'QUILL',
        licenses: [{ licenseNumber: number, ...license }],
      }),
    ],
  });

NURSES.push(
  { id: 'w01', givenName: 'Ada', familyName: 'Quill', behaviour: result() },
  {
    id: 'w02',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: result({ disciplines: [{ againstPrivilegeToPractice: true }] }),
  },
  {
    id: 'w03',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: result({ expirationDate: '2023-08-31T00:00:00' }),
  },
  {
    id: 'w04',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: result({ active: false, licenseStatus: 'Inactive' }),
  },
  { id: 'w05', givenName: 'Ada', familyName: 'Quill' },
  {
    id: 'w06',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: result({}, ['MARISOL', 'QUENBY']),
  },
  {
    id: 'w07',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: () => ({ kind: 'transaction_error' }),
  },
  {
    id: 'w08',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: () => ({ kind: 'html' }),
  },
  {
    id: 'w09',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: () => ({ kind: 'http500' }),
  },
  {
    id: 'w10',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: () => ({ kind: 'pending_forever' }),
  },
  { id: 'w11', givenName: 'Ada', familyName: 'Quill', noLicense: true },
  {
    id: 'w12',
    givenName: 'Ada',
    familyName: 'Quill',
    behaviour: () => ({ kind: 'http429', retryAfter: 7200 }),
  },
);

const numberOf = (id: string): string => `RN${id.slice(1).padStart(6, '0')}`;

const POLLING = {
  maxPolls: 3,
  firstDelayMs: 1,
  maxDelayMs: 1,
  budgetMs: 60_000,
  pendingLimitMs: 24 * HOUR,
};

describe('the Nursys adapter handler, through its queue', () => {
  let harness: WorkerHarness;
  let firstEvent: ReturnType<typeof sqsEvent>;
  const waits: number[] = [];

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'nursys',
      roster: makeRoster(
        NURSES.map((nurse) => ({
          id: nurse.id,
          givenName: nurse.givenName,
          familyName: nurse.familyName,
          sources: ['nursys'],
          ...(nurse.noLicense
            ? {}
            : {
                license: {
                  jurisdiction: 'KS',
                  number: numberOf(nurse.id),
                  type: 'RN',
                },
              }),
        })),
      ),
      simulator: {
        nursys: {
          pendingPolls: 1,
          behaviours: Object.fromEntries(
            NURSES.filter((nurse) => nurse.behaviour !== undefined).map(
              (nurse) => [
                licenseKey({
                  jurisdiction: 'KS',
                  licenseType: 'RN',
                  licenseNumber: numberOf(nurse.id),
                }),
                nurse.behaviour?.(numberOf(nurse.id)) ?? { kind: 'html' },
              ],
            ),
          ),
        },
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  const handlerAt = (at?: Date) =>
    createNursysAdapterHandler(
      async () =>
        at === undefined ? harness.deps : { ...harness.deps, clock: () => at },
      {
        credentials: async () => ({ username: 'inst', password: 'fake' }),
        polling: POLLING,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );

  /** Publishes the due requests and hands what the Nursys queue got over. */
  const deliverDue = async (now = new Date()) => {
    const requests = (await harness.claimRequests(now)).map(
      (text) => JSON.parse(text) as VerificationRequested,
    );
    await publishRequests(
      harness.clients.sns,
      harness.resources.topicArn,
      requests,
    );
    const queueUrl = harness.resources.queues.nursys.url;
    const bodies: string[] = [];
    for (
      let round = 0;
      round < 10 && bodies.length < requests.length;
      round++
    ) {
      for (const message of await receiveMessages(
        harness.clients.sqs,
        queueUrl,
      )) {
        bodies.push(message.Body ?? '');
        await harness.clients.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      }
    }

    return sqsEvent(bodies);
  };

  const latest = async () =>
    harness.store.db
      .selectFrom('checks')
      .innerJoin('results', 'results.id', 'checks.last_result_id')
      .select([
        'checks.id',
        'checks.next_due_at',
        'results.outcome',
        'results.findings',
        'results.receipt_key',
      ])
      .orderBy('checks.id')
      .execute();

  const submits = () =>
    harness.simulator.received.filter(
      (r) => r.route === 'nursys' && r.method === 'POST',
    ).length;

  it('submits, polls and classifies each nurse', async () => {
    firstEvent = await deliverDue();
    const started = Date.now();

    const response = await handlerAt()(firstEvent, testContext('nursys'));
    const rows = await latest();

    expect(firstEvent.Records).toHaveLength(12);
    expect(response.batchItemFailures).toEqual([]);
    expect(
      rows.map((r) => [
        r.id,
        r.outcome,
        (r.findings as { code: string }[]).map((f) => f.code).join(','),
      ]),
    ).toEqual([
      ['c-w01-nursys', 'clear', 'license_active'],
      ['c-w02-nursys', 'flagged', 'discipline'],
      ['c-w03-nursys', 'expired', 'license_expired'],
      ['c-w04-nursys', 'expired', 'license_inactive'],
      ['c-w05-nursys', 'not_found', 'license_not_found'],
      ['c-w06-nursys', 'needs_review', 'name_mismatch'],
      ['c-w07-nursys', 'source_unavailable', 'transaction_error'],
      // The guard refuses an HTML answer to a JSON call before it is read.
      ['c-w08-nursys', 'source_unavailable', 'egress_refused'],
      ['c-w09-nursys', 'source_unavailable', 'source_error'],
      ['c-w10-nursys', 'source_unavailable', 'transaction_pending'],
      ['c-w11-nursys', 'invalid_input', 'license_missing'],
      ['c-w12-nursys', 'source_unavailable', 'rate_limited'],
    ]);
    // Eleven licenses submitted once each; w11 has none to submit.
    expect(submits()).toBe(11);
    // The 429's Retry-After (2 h) holds the check back.
    const w12 = rows.find((r) => r.id === 'c-w12-nursys');
    expect(new Date(w12?.next_due_at ?? 0).getTime()).toBeGreaterThanOrEqual(
      started + 2 * HOUR - 1_000,
    );
    // Waits went through the injected sleep, doubling from the first.
    expect(waits.length).toBeGreaterThan(0);
  });

  it("writes the expiration date into the credential only for the nurse's own license", async () => {
    const credentials = await harness.store.db
      .selectFrom('credentials')
      .select(['id', 'expires_on'])
      .where(
        'id',
        'in',
        ['w01', 'w02', 'w03', 'w04', 'w05', 'w06', 'w07'].map(
          (id) => `${id}-nursys`,
        ),
      )
      .orderBy('id')
      .execute();

    expect(credentials.map((c) => c.expires_on)).toEqual([
      '2028-06-30',
      '2028-06-30',
      '2023-08-31',
      '2028-06-30',
      // Not found, another name, a refused transaction: nothing to trust.
      null,
      null,
      null,
    ]);
  });

  it('names the receipt of the result body, apart from the submit one', async () => {
    const [transaction] = await nursysTransactionsOf(
      harness.store.db,
      'c-w01-nursys',
    );
    const rows = await latest();
    const w01 = rows.find((r) => r.id === 'c-w01-nursys');
    const manifests = await harness.store.db
      .selectFrom('receipts')
      .select('key')
      .where('key', 'in', [
        transaction?.submit_receipt_key ?? '',
        transaction?.result_receipt_key ?? '',
      ])
      .execute();

    expect(transaction?.status).toBe('complete');
    expect(w01?.receipt_key).toBe(transaction?.result_receipt_key);
    expect(transaction?.submit_receipt_key).toMatch(
      /^receipts\/nursys\/[0-9a-f]{64}$/,
    );
    expect(transaction?.submit_receipt_key).not.toBe(w01?.receipt_key);
    expect(manifests).toHaveLength(2);
  });

  it('answers a redelivered batch from the store, with no second submit', async () => {
    const before = submits();
    const resultsBefore = await harness.store.db
      .selectFrom('results')
      .select('id')
      .execute();

    const response = await handlerAt()(firstEvent, testContext('nursys'));
    const resultsAfter = await harness.store.db
      .selectFrom('results')
      .select('id')
      .execute();

    expect(response.batchItemFailures).toEqual([]);
    expect(submits()).toBe(before);
    expect(resultsAfter).toHaveLength(resultsBefore.length);
  });

  it('polls the pending transactions again on a retry instead of submitting', async () => {
    const before = submits();
    const later = new Date(Date.now() + 3 * HOUR);

    const event = await deliverDue(later);
    await handlerAt(later)(event, testContext('nursys'));
    const w10 = await nursysTransactionsOf(harness.store.db, 'c-w10-nursys');

    // Retried: w07 (refused transaction) and w12 (429) submit anew; w08,
    // w09 and w10 poll the transactions they have.
    expect(event.Records).toHaveLength(5);
    expect(submits() - before).toBe(2);
    expect(w10.map((t) => [t.status, t.polls])).toEqual([
      ['pending', POLLING.maxPolls * 2],
    ]);
  });

  it('gives up a transaction pending for more than a day, then submits afresh', async () => {
    const dayLater = new Date(Date.now() + 27 * HOUR);
    const nextDay = new Date(Date.now() + 30 * HOUR);

    await handlerAt(dayLater)(
      await deliverDue(dayLater),
      testContext('nursys'),
    );
    const expired = (await latest()).find((r) => r.id === 'c-w10-nursys');
    const before = submits();
    await handlerAt(nextDay)(await deliverDue(nextDay), testContext('nursys'));
    const w10 = await nursysTransactionsOf(harness.store.db, 'c-w10-nursys');

    expect(expired?.outcome).toBe('source_unavailable');
    expect(expired?.findings).toEqual([
      expect.objectContaining({ code: 'transaction_expired' }),
    ]);
    expect(w10.map((t) => t.status)).toEqual(['abandoned', 'pending']);
    expect(submits()).toBeGreaterThan(before);
  });
});
