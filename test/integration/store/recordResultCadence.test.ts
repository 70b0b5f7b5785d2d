import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClaimedCheck,
  claimDueChecks,
  insertRoster,
  recordResult,
  type Store,
} from '../../../packages/core/src/store';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';

const NOW = new Date('2026-06-01T12:00:00Z');
const LEASE_MS = 30 * 60_000;

const checkRow = (store: Store, workerId: string) =>
  store.db
    .selectFrom('checks')
    .selectAll()
    .where('worker_id', '=', workerId)
    .executeTakeFirstOrThrow();

describe('recordResult and the cadence', () => {
  let store: Store;
  let claims: ClaimedCheck[];

  const record = (
    workerId: string,
    outcome: 'clear' | 'source_unavailable',
    at: Date,
  ) => {
    const claim = claims.find((c) => c.workerId === workerId);
    if (claim === undefined) throw new Error(`no claim for ${workerId}`);

    return recordResult(store.db, {
      requestId: claim.requestId,
      source: claim.source,
      classification: { outcome, findings: [] },
      receiptKey: null,
      adapterVersion: 'test-1',
      checkedAt: at,
      random: () => 0,
    });
  };

  beforeAll(async () => {
    store = await openTestStore();
    const roster = makeRoster([
      { id: 'npi-holder' },
      { id: 'nurse' },
      { id: 'flaky' },
    ]);
    for (const credential of roster.credentials) {
      if (credential.worker_id === 'nurse') {
        credential.kind = 'license';
        credential.expires_on = '2026-06-20';
      }
    }
    await insertRoster(store.db, roster);
    claims = await claimDueChecks(store.db, {
      now: NOW,
      limit: 10,
      leaseMs: LEASE_MS,
    });
  });

  afterAll(async () => {
    await store.close();
  });

  it('marks a conclusive outcome as a verification and waits the base interval', async () => {
    await record('npi-holder', 'clear', NOW);

    const row = await checkRow(store, 'npi-holder');
    expect(new Date(row.last_verified_at ?? 0)).toEqual(NOW);
    expect(new Date(row.next_due_at).toISOString()).toBe(
      '2026-07-01T12:00:00.000Z',
    );
    expect(row.lease_id).toBeNull();
  });

  it('brings a license back at its next expiry check', async () => {
    await record('nurse', 'clear', NOW);

    const row = await checkRow(store, 'nurse');
    expect(new Date(row.next_due_at).toISOString()).toBe(
      '2026-06-06T12:00:00.000Z',
    );
  });

  it('keeps the last verification when the source was unavailable', async () => {
    await record('flaky', 'source_unavailable', NOW);

    const row = await checkRow(store, 'flaky');
    expect(row.last_verified_at).toBeNull();
    expect(row.last_checked_at).not.toBeNull();
    expect(row.consecutive_failures).toBe(1);
    expect(new Date(row.next_due_at).getTime() - NOW.getTime()).toBe(
      7.5 * 60_000,
    );
  });
});
