import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../packages/core/src/log/logger';
import {
  countDueChecks,
  insertRoster,
  type Store,
} from '../../../packages/core/src/store';
import { runSweep } from '../../../packages/core/src/workflows/runSweep';
import { makeRoster } from '../../factories/roster';
import { motoClients, uniquePrefix } from '../../helpers/moto';
import {
  createRequestsTopic,
  type RequestsTopic,
  receiveCheckIds,
} from '../../helpers/requestsTopic';
import {
  openSharedStores,
  type SharedStores,
} from '../../helpers/sharedStores';

const NOW = new Date('2026-06-01T12:00:00Z');
const PAGE = 10;
const PEOPLE = 30;
const CHECKS = PEOPLE * 2;
const RESERVE_MS = 15_000;

describe('runSweep near the end of its invocation', () => {
  const clients = motoClients();
  let shared: SharedStores;
  let store: Store;
  let topic: RequestsTopic;

  beforeAll(async () => {
    shared = await openSharedStores(1);
    const [first] = shared.stores;
    if (first === undefined) throw new Error('no store');
    store = first;
    topic = await createRequestsTopic(clients, uniquePrefix('sweep-time'));
    await insertRoster(
      store.db,
      makeRoster(
        Array.from({ length: PEOPLE }, (_, i) => ({
          id: `time-w${i}`,
          sources: ['nppes', 'oig-leie'],
        })),
      ),
    );
  });

  afterAll(async () => {
    await shared.close();
  });

  it('stops claiming when time runs short, publishes what it claimed and leaves the rest due', async () => {
    // Time for two claims (the first page and the one claimed ahead),
    // then less than the reserve.
    const remaining = [60_000, 60_000];

    const report = await runSweep(
      {
        db: store.db,
        sns: clients.sns,
        topicArn: topic.topicArn,
        clock: () => NOW,
        log: silentLog,
        remainingMs: () => remaining.shift() ?? RESERVE_MS - 1,
      },
      { pageSize: PAGE, reserveMs: RESERVE_MS },
    );
    const published = await receiveCheckIds(clients, topic.queueUrl);

    expect(report).toMatchObject({
      claimed: 2 * PAGE,
      published: 2 * PAGE,
      released: 0,
      stoppedEarly: true,
    });
    expect(new Set(published).size).toBe(2 * PAGE);
    expect(published).toHaveLength(2 * PAGE);
    expect(await countDueChecks(store.db, NOW)).toBe(CHECKS - 2 * PAGE);
  });

  it('claims nothing when the invocation starts with less than the reserve', async () => {
    const later = new Date(NOW.getTime() + 2 * 60 * 60_000);

    const report = await runSweep(
      {
        db: store.db,
        sns: clients.sns,
        topicArn: topic.topicArn,
        clock: () => later,
        log: silentLog,
        remainingMs: () => RESERVE_MS - 1,
      },
      { pageSize: PAGE, reserveMs: RESERVE_MS },
    );

    expect(report).toMatchObject({
      claimed: 0,
      published: 0,
      stoppedEarly: true,
    });
    expect(await countDueChecks(store.db, later)).toBe(CHECKS);
  });
});
