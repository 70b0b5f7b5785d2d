import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationRequested } from '../../../packages/core/src/events/contracts';
import { silentLog } from '../../../packages/core/src/log/logger';
import { publishRequests } from '../../../packages/core/src/messaging/publishRequests';
import { insertRoster, type Store } from '../../../packages/core/src/store';
import { runSweep } from '../../../packages/core/src/workflows/runSweep';
import { makeRoster } from '../../factories/roster';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';
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
const LEASE_MS = 30 * 60_000;
const PAGE = 15;
const CHECKS = 60;
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./sweepUntilKilled.ts', import.meta.url));

const clients = motoClients();

/**
 * What the dead sweep got done: its published page, and the checks it
 * held unpublished (the page it was publishing, and the page claimed
 * ahead unless it gave that back).
 */
interface DeadSweep {
  published: string[];
  held: string[];
}

const seed = async (store: Store, prefix: string): Promise<string[]> => {
  const roster = makeRoster(
    Array.from({ length: CHECKS }, (_, i) => ({ id: `${prefix}-w${i}` })),
  );
  await insertRoster(store.db, roster);

  return roster.checks.map((c) => c.id);
};

/** A sweep at `at` that records which checks it published. */
const sweepAt = async (store: Store, topic: RequestsTopic, at: Date) => {
  const published: string[] = [];
  await runSweep(
    {
      db: store.db,
      sns: clients.sns,
      topicArn: topic.topicArn,
      clock: () => at,
      log: silentLog,
      remainingMs: () => Number.POSITIVE_INFINITY,
      publish: async (requests: readonly VerificationRequested[]) => {
        const outcome = await publishRequests(
          clients.sns,
          topic.topicArn,
          requests,
        );
        published.push(...requests.map((r) => r.checkId));

        return outcome;
      },
    },
    { pageSize: PAGE, leaseMs: LEASE_MS },
  );

  return published;
};

/** Sweeps again before and after the dead sweep's lease, then checks. */
const assessRecovery = async (
  store: Store,
  topic: RequestsTopic,
  all: string[],
  dead: DeadSweep,
  heldPages: number,
): Promise<void> => {
  const beforeExpiry = await sweepAt(
    store,
    topic,
    new Date(NOW.getTime() + 60_000),
  );
  const afterExpiry = await sweepAt(
    store,
    topic,
    new Date(NOW.getTime() + LEASE_MS + 1_000),
  );
  const onQueue = await receiveCheckIds(clients, topic.queueUrl);

  expect(dead.published).toHaveLength(PAGE);
  expect(dead.held).toHaveLength(heldPages * PAGE);
  expect(new Set([...dead.published, ...dead.held]).size).toBe(
    (1 + heldPages) * PAGE,
  );
  expect(beforeExpiry).toHaveLength(CHECKS - (1 + heldPages) * PAGE);
  expect(beforeExpiry.filter((id) => dead.held.includes(id))).toEqual([]);
  expect([...afterExpiry].sort()).toEqual(
    [...dead.published, ...dead.held].sort(),
  );
  expect(new Set(onQueue)).toEqual(new Set(all));
  for (const id of dead.held) {
    expect(onQueue.filter((seen) => seen === id)).toHaveLength(1);
  }
};

describe('a sweep that dies mid-run', () => {
  let shared: SharedStores | undefined;
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child !== undefined && child.exitCode === null && !child.killed) {
      child.kill('SIGKILL');
    }
    await shared?.close();
  });

  it('loses nothing when it throws between claim and publish', async () => {
    shared = await openSharedStores(1);
    const [store] = shared.stores;
    if (store === undefined) throw new Error('no store');
    const topic = await createRequestsTopic(
      clients,
      uniquePrefix('sweep-dies'),
    );
    const all = await seed(store, 'dies');
    const dead: DeadSweep = { published: [], held: [] };

    const dying = runSweep(
      {
        db: store.db,
        sns: clients.sns,
        topicArn: topic.topicArn,
        clock: () => NOW,
        log: silentLog,
        remainingMs: () => Number.POSITIVE_INFINITY,
        publish: async (requests) => {
          const ids = requests.map((r) => r.checkId);
          if (dead.published.length > 0) {
            dead.held.push(...ids);
            throw new Error('the sweep died here');
          }
          dead.published.push(...ids);

          return publishRequests(clients.sns, topic.topicArn, requests);
        },
      },
      { pageSize: PAGE, leaseMs: LEASE_MS },
    );

    await expect(dying).rejects.toThrow('the sweep died here');
    // The page claimed ahead was given back when the publish threw.
    await assessRecovery(store, topic, all, dead, 1);
  });

  it.runIf(process.env.DATABASE_URL)(
    'loses nothing when its process is killed after the first page, with the next two claimed',
    async () => {
      shared = await openSharedStores(1);
      const [store] = shared.stores;
      if (store === undefined || shared.url === null) throw new Error('no db');
      const topic = await createRequestsTopic(
        clients,
        uniquePrefix('sweep-killed'),
      );
      const all = await seed(store, 'killed');
      const dead: DeadSweep = { published: [], held: [] };

      const settings = {
        url: shared.url,
        endpoint: motoEndpoint(),
        topicArn: topic.topicArn,
        now: NOW.toISOString(),
        pageSize: PAGE,
        leaseMs: LEASE_MS,
      };
      child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        cwd: REPO_ROOT,
        env: { ...process.env, SWEEP_CHILD: JSON.stringify(settings) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout?.setEncoding('utf8');
      for await (const chunk of child.stdout ?? []) {
        output += chunk;
        if (output.includes('claimed ')) break;
      }
      child.kill('SIGKILL');
      await once(child, 'exit');
      for (const line of output.trim().split('\n')) {
        const [word, ids = ''] = line.split(' ');
        if (word === 'published') dead.published.push(...ids.split(','));
        if (word === 'claimed' || word === 'ahead') {
          dead.held.push(...ids.split(','));
        }
      }

      // Killed, it held the page it was publishing and the page ahead.
      await assessRecovery(store, topic, all, dead, 2);
    },
  );
});
