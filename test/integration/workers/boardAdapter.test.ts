import { DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatBoardDate,
  makeBoardRecord,
  publishRequests,
  type Roster,
  type VerificationRequested,
} from '../../../packages/core/src';
import { createBoardAdapterHandler } from '../../../packages/functions/src/handlers/boardAdapterHandler';
import type { BoardSimulation } from '../../../packages/local/src/simulator/behaviours';
import { makeRoster } from '../../factories/roster';
import { receiveMessages } from '../../helpers/moto';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const SOURCE = 'board-ks';

/** The worker's made-up Kansas RN license number. */
const number = (n: number): string => `RN7${String(n).padStart(5, '0')}`;

const YEAR = new Date().getUTCFullYear();
const VALID = { expirationDate: formatBoardDate(`${YEAR + 1}-06-30`) };

const PEOPLE = [
  ['w01', 'Ada', 'Quill'],
  ['w02', 'Bo', 'Reed'],
  ['w03', 'Cy', 'Moss'],
  ['w04', 'Di', 'Fenn'],
  ['w05', 'Ed', 'Lark'],
  ['w06', 'Flo', 'Dane'],
  ['w07', 'Gus', 'Hale'],
  ['w08', 'Hal', 'Ives'],
  ['w09', 'Ivy', 'Jott'],
  ['w10', 'Jo', 'Kemp'],
  ['w11', 'Kit', 'Lowe'],
  ['w12', 'Lu', 'Marr'],
  ['w13', 'Mo', 'Nash'],
] as const;

/** The board's record of worker `n`, under their own name. */
const own = (n: number, options = {}) => {
  const [, given, family] = PEOPLE[n - 1] ?? ['', '', ''];

  return makeBoardRecord(
    {
      firstName: given.toUpperCase(),
      lastName: family.toUpperCase(),
      licenseNumber: number(n),
    },
    { ...VALID, ...options },
  );
};

/** Someone else whose number contains the worker's. */
const other = (licenseNumber: string) =>
  makeBoardRecord(
    { firstName: 'OTIS', lastName: 'WEXFORD', licenseNumber },
    VALID,
  );

const KANSAS: BoardSimulation = {
  registrants: [
    other(`C${number(1)}`),
    other(`${number(1)}9`),
    own(1),
    own(2, {
      licenseStatus: 'Expired',
      expirationDate: formatBoardDate(`${YEAR - 1}-01-31`),
    }),
    own(3, { hasPublicAction: true }),
    other(`${number(4)}0`),
    makeBoardRecord(
      { firstName: 'MORGANA', lastName: 'VEXLEY', licenseNumber: number(5) },
      VALID,
    ),
    ...Array.from({ length: 12 }, (_, k) =>
      other(k < 10 ? `${number(6)}${k}` : `${'CR'[k - 10]}${number(6)}`),
    ),
    own(6),
  ],
  failures: {
    [number(7).toLowerCase()]: { kind: 'errorCode' },
    [number(8).toLowerCase()]: { kind: 'html' },
    [number(9).toLowerCase()]: { kind: 'empty' },
    [number(10).toLowerCase()]: { kind: 'http500' },
    [number(11).toLowerCase()]: { kind: 'http429', retryAfter: 7_200 },
    [number(12).toLowerCase()]: { kind: 'agentRefused' },
  },
};

/** A roster whose workers each hold a Kansas RN license checked at the board. */
const licenseRoster = (): Roster => {
  const roster = makeRoster(
    PEOPLE.map(([id, givenName, familyName]) => ({
      id,
      givenName,
      familyName,
      sources: [SOURCE],
    })),
  );
  roster.credentials = roster.credentials.map((credential, i) =>
    // w13's credential has no number: it cannot be searched.
    credential.worker_id === 'w13'
      ? { ...credential, kind: 'license', label: 'KS RN license' }
      : {
          ...credential,
          kind: 'license',
          label: 'KS RN license',
          jurisdiction: 'KS',
          number: number(i + 1),
          license_type: 'RN',
        },
  );

  return roster;
};

describe('the board adapter handler, through its queue', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'board',
      roster: licenseRoster(),
      simulator: { boards: { [SOURCE]: KANSAS } },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  /** Publishes the due requests and hands what the board queue got over. */
  const deliverDue = async (now = new Date()) => {
    const requests = (await harness.claimRequests(now)).map(
      (text) => JSON.parse(text) as VerificationRequested,
    );
    await publishRequests(
      harness.clients.sns,
      harness.resources.topicArn,
      requests,
    );
    const queueUrl = harness.resources.queues[SOURCE].url;
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

  it('classifies every license case, paging and narrowing the substring search', async () => {
    const handler = createBoardAdapterHandler(async () => harness.deps);
    const event = await deliverDue();
    const startedAt = Date.now();

    const response = await handler(event, testContext('board-ks-adapter'));
    const results = await harness.store.db
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
    const byCheck = Object.fromEntries(results.map((r) => [r.id, r]));
    const firstCode = (id: string) =>
      (byCheck[id]?.findings as { code: string }[] | undefined)?.[0]?.code;

    expect(event.Records).toHaveLength(13);
    expect(response.batchItemFailures).toEqual([]);
    expect(results.map((r) => [r.id, r.outcome, firstCode(r.id)])).toEqual([
      ['c-w01-board-ks', 'clear', 'license_active'],
      ['c-w02-board-ks', 'expired', 'license_inactive'],
      ['c-w03-board-ks', 'flagged', 'discipline'],
      ['c-w04-board-ks', 'not_found', 'license_not_found'],
      ['c-w05-board-ks', 'needs_review', 'name_mismatch'],
      ['c-w06-board-ks', 'clear', 'license_active'],
      ['c-w07-board-ks', 'source_unavailable', 'board_error'],
      // The guard refuses HTML where JSON was asked for, before parsing.
      ['c-w08-board-ks', 'source_unavailable', 'egress_refused'],
      ['c-w09-board-ks', 'source_unavailable', 'unreadable_response'],
      ['c-w10-board-ks', 'source_unavailable', 'source_error'],
      ['c-w11-board-ks', 'source_unavailable', 'rate_limited'],
      ['c-w12-board-ks', 'source_unavailable', 'access_refused'],
      ['c-w13-board-ks', 'invalid_input', 'license_missing'],
    ]);
    expect(byCheck['c-w01-board-ks']?.receipt_key).toMatch(
      /^receipts\/board-ks\/[0-9a-f]{64}$/,
    );
    expect(byCheck['c-w13-board-ks']?.receipt_key).toBeNull();
    // The 429's Retry-After (two hours) holds the check back at least that long.
    expect(
      new Date(byCheck['c-w11-board-ks']?.next_due_at ?? 0).getTime(),
    ).toBeGreaterThanOrEqual(startedAt + 7_200_000 - 1_000);
  });

  it("writes the board's expiration date into the credential of a license it matched", async () => {
    const credentials = await harness.store.db
      .selectFrom('credentials')
      .select(['id', 'expires_on'])
      .where(
        'id',
        'in',
        ['w01', 'w02', 'w03', 'w04', 'w05', 'w06', 'w07'].map(
          (id) => `${id}-${SOURCE}`,
        ),
      )
      .orderBy('id')
      .execute();

    expect(credentials.map((c) => c.expires_on)).toEqual([
      `${YEAR + 1}-06-30`,
      `${YEAR - 1}-01-31`,
      `${YEAR + 1}-06-30`,
      // Only another number, then another name: nothing to trust.
      null,
      null,
      // Read from the second page, past twelve other numbers.
      `${YEAR + 1}-06-30`,
      // An error code instead of results.
      null,
    ]);
  });

  it('reads the second page for the paged search, and calls nobody for the unsearchable', () => {
    const calls = harness.simulator.received.filter((r) => r.route === 'board');
    const skipsOf = (n: number) =>
      calls
        .filter((r) => r.query.get('keyword') === number(n))
        .map((r) => r.query.get('skip'));

    // Twelve workers searched, the paged one twice; w13 not at all.
    expect(calls).toHaveLength(13);
    expect(skipsOf(6)).toEqual(['0', '10']);
    expect(skipsOf(1)).toEqual(['0']);
    expect(calls.every((r) => r.query.get('take') === '10')).toBe(true);
  });

  it("sends the tier's own user agent, which the board accepts", () => {
    const calls = harness.simulator.received.filter((r) => r.route === 'board');

    expect(harness.simulator.requests.refused).toBe(0);
    expect(calls.every((r) => r.userAgent?.startsWith('RovnPassport-'))).toBe(
      true,
    );
  });

  it('archives one receipt per page answered', async () => {
    const receipts = await harness.store.db
      .selectFrom('receipts')
      .select('key')
      .where('source', '=', SOURCE)
      .execute();

    // Thirteen calls, all answers distinct; the refused HTML page of w08
    // never arrived, so it has no receipt.
    expect(receipts).toHaveLength(12);
  });

  it('fails a request that names no configured board, to its DLQ', async () => {
    const handler = createBoardAdapterHandler(async () => harness.deps);
    const [request] = (
      await harness.claimRequests(new Date(Date.now() + 90 * 86_400_000))
    ).map((text) => JSON.parse(text) as VerificationRequested);
    const wrong = { ...request, source: 'sam' };

    const response = await handler(
      sqsEvent([JSON.stringify(wrong)]),
      testContext('board-ks-adapter'),
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }]);
  });
});
