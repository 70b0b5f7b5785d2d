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
// moto is slow to hand out messages: a few pages each is enough to
// interleave two sweeps.
const PEOPLE = 80;
const CHECKS = PEOPLE * 2;

const fail = (): never => {
  throw new Error('the shared stores were not opened');
};

const people = (prefix: string) =>
  Array.from({ length: PEOPLE }, (_, i) => ({
    id: `${prefix}-w${i}`,
    sources: ['nppes', 'oig-leie'],
  }));

describe('runSweep, two at once', () => {
  const clients = motoClients();
  let shared: SharedStores;
  let dbs: Store['db'][];
  let topic: RequestsTopic;

  beforeAll(async () => {
    shared = await openSharedStores(2);
    dbs = shared.stores.map((store) => store.db);
    topic = await createRequestsTopic(clients, uniquePrefix('sweep-twice'));
    await insertRoster(shared.stores[0]?.db ?? fail(), makeRoster(people('a')));
  });

  afterAll(async () => {
    await shared.close();
  });

  it('publishes every due check exactly once between them', async () => {
    const sweep = (index: number) =>
      runSweep(
        {
          db: dbs[index] ?? fail(),
          sns: clients.sns,
          topicArn: topic.topicArn,
          clock: () => NOW,
          log: silentLog,
          remainingMs: () => Number.POSITIVE_INFINITY,
        },
        { pageSize: 10 },
      );

    const reports = await Promise.all([sweep(0), sweep(1)]);
    const published = await receiveCheckIds(clients, topic.queueUrl);

    expect(reports.map((r) => r.published).reduce((a, b) => a + b)).toBe(
      CHECKS,
    );
    expect(reports.every((r) => r.published > 0)).toBe(true);
    expect(published).toHaveLength(CHECKS);
    expect(new Set(published).size).toBe(CHECKS);
    expect(await countDueChecks(dbs[0] ?? fail(), NOW)).toBe(0);
  });

  it('gives back the claims of a page SNS refuses and of the page claimed ahead', async () => {
    const later = new Date(NOW.getTime() + 2 * 60 * 60_000);
    const missingTopic = topic.topicArn.replace(/:[^:]+$/, ':no-such-topic');

    const report = await runSweep(
      {
        db: dbs[1] ?? fail(),
        sns: clients.sns,
        topicArn: missingTopic,
        clock: () => later,
        log: silentLog,
        remainingMs: () => Number.POSITIVE_INFINITY,
      },
      { pageSize: 10 },
    );

    expect(report).toMatchObject({ claimed: 20, published: 0, released: 20 });
    expect(await countDueChecks(dbs[0] ?? fail(), later)).toBe(CHECKS);
  });
});
