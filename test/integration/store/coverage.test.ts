import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../packages/core/src/cadence/policy';
import {
  computeCoverage,
  insertRoster,
  readCoverageReports,
  type Store,
} from '../../../packages/core/src/store';
import { recordDailyCoverage } from '../../../packages/core/src/workflows/recordDailyCoverage';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';

const NOW = new Date('2026-06-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** check id -> when it was last verified (null: never), and its state. */
const STATES = [
  { id: 'nppes-recent', verifiedDaysAgo: 10, due: false },
  { id: 'nppes-stale', verifiedDaysAgo: 130, due: true },
  { id: 'nppes-never', verifiedDaysAgo: null, due: true },
  { id: 'leie-stale', verifiedDaysAgo: 31, due: true },
  { id: 'leie-leased', verifiedDaysAgo: 5, due: false, leased: true },
  { id: 'board-inside', verifiedDaysAgo: 29, due: false },
  { id: 'board-outside', verifiedDaysAgo: 31, due: true },
] as const;

const seedStates = async (store: Store): Promise<void> => {
  const roster = makeRoster(
    STATES.map((s) => ({
      id: s.id,
      sources: [s.id.startsWith('leie') ? 'oig-leie' : 'nppes'],
    })),
  );
  // A license board that is not a wired source yet: the '*' license
  // policy covers it.
  for (const credential of roster.credentials) {
    if (credential.worker_id.startsWith('board')) credential.kind = 'license';
  }
  for (const check of roster.checks) {
    if (check.worker_id.startsWith('board')) check.source = 'state-board';
  }
  await insertRoster(store.db, roster);

  for (const state of STATES) {
    const leased = 'leased' in state && state.leased;
    await store.db
      .updateTable('checks')
      .set({
        last_verified_at:
          state.verifiedDaysAgo === null ? null : ago(state.verifiedDaysAgo),
        next_due_at: state.due ? ago(1) : new Date(NOW.getTime() + DAY),
        lease_id: leased ? 'lease-1' : null,
        lease_expires_at: leased ? new Date(NOW.getTime() + DAY) : null,
      })
      .where('worker_id', '=', state.id)
      .execute();
  }
};

describe('computeCoverage', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    await seedStates(store);
  });

  afterAll(async () => {
    await store.close();
  });

  it('counts due, in flight, overdue and never verified per source', async () => {
    const coverage = await computeCoverage(store.db, NOW);

    expect(coverage).toEqual([
      // A configured source without checks is listed with zeros.
      {
        source: 'board-ks',
        checks: 0,
        due: 0,
        inFlight: 0,
        overdue: 0,
        neverVerified: 0,
        oldestVerifiedAt: null,
      },
      {
        source: 'nppes',
        checks: 3,
        due: 2,
        inFlight: 0,
        overdue: 2,
        neverVerified: 1,
        oldestVerifiedAt: ago(130),
      },
      {
        source: 'nursys',
        checks: 0,
        due: 0,
        inFlight: 0,
        overdue: 0,
        neverVerified: 0,
        oldestVerifiedAt: null,
      },
      {
        source: 'oig-leie',
        checks: 2,
        due: 1,
        inFlight: 1,
        overdue: 1,
        neverVerified: 0,
        oldestVerifiedAt: ago(31),
      },
      {
        source: 'sam',
        checks: 0,
        due: 0,
        inFlight: 0,
        overdue: 0,
        neverVerified: 0,
        oldestVerifiedAt: null,
      },
      {
        source: 'state-board',
        checks: 2,
        due: 1,
        inFlight: 0,
        overdue: 1,
        neverVerified: 0,
        oldestVerifiedAt: ago(31),
      },
    ]);
  });

  it('stores one record per day and source, the latest run winning', async () => {
    const morning = new Date('2026-06-01T06:00:00Z');
    const evening = new Date('2026-06-01T20:00:00Z');

    await recordDailyCoverage(store.db, () => morning);
    await store.db
      .updateTable('checks')
      .set({ last_verified_at: evening })
      .where('worker_id', '=', 'nppes-never')
      .execute();
    const latest = await recordDailyCoverage(store.db, () => evening);
    const stored = await readCoverageReports(store.db, '2026-06-01');

    expect(latest.day).toBe('2026-06-01');
    expect(stored.map((r) => `${r.day} ${r.source}`)).toEqual([
      '2026-06-01 board-ks',
      '2026-06-01 nppes',
      '2026-06-01 nursys',
      '2026-06-01 oig-leie',
      '2026-06-01 sam',
      '2026-06-01 state-board',
    ]);
    expect(stored.find((r) => r.source === 'nppes')).toMatchObject({
      neverVerified: 0,
      computedAt: evening,
    });
  });
});
