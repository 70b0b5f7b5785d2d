import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDueChecks,
  countDuplicateResults,
  insertRoster,
  recordResult,
  releaseClaims,
  type Store,
} from '../../../packages/core/src/store';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';

const NOW = new Date('2026-06-01T12:00:00Z');
const LEASE_MS = 30 * 60_000;

describe('claimDueChecks and recordResult', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    const people = Array.from({ length: 30 }, (_, i) => ({ id: `w${i}` }));
    await insertRoster(store.db, makeRoster(people));
  });

  afterAll(async () => {
    await store.close();
  });

  it('never hands the same check to two concurrent sweeps', async () => {
    const [a, b] = await Promise.all([
      claimDueChecks(store.db, { now: NOW, limit: 20, leaseMs: LEASE_MS }),
      claimDueChecks(store.db, { now: NOW, limit: 20, leaseMs: LEASE_MS }),
    ]);

    const ids = [...a, ...b].map((c) => c.checkId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
  });

  it('gives a check out again once its lease has expired', async () => {
    const later = new Date(NOW.getTime() + LEASE_MS + 1);

    const reclaimed = await claimDueChecks(store.db, {
      now: later,
      limit: 100,
      leaseMs: LEASE_MS,
    });

    expect(reclaimed).toHaveLength(30);
  });

  it('stores one result per request and reports redeliveries', async () => {
    const at = new Date(NOW.getTime() + 3 * LEASE_MS);
    const [claim] = await claimDueChecks(store.db, {
      now: at,
      limit: 1,
      leaseMs: LEASE_MS,
    });
    if (claim === undefined) throw new Error('nothing claimed');
    const input = {
      requestId: claim.requestId,
      source: claim.source,
      classification: { outcome: 'clear' as const, findings: [] },
      receiptKey: null,
      adapterVersion: 'test-1',
      checkedAt: at,
    };

    const first = await recordResult(store.db, input);
    const second = await recordResult(store.db, input);

    expect(first.duplicate).toBe(false);
    expect(first.changed).toBe(true);
    expect(second.duplicate).toBe(true);
    expect(second.resultId).toBe(first.resultId);
    expect(await countDuplicateResults(store.db)).toBe(0);
    const again = await claimDueChecks(store.db, {
      now: at,
      limit: 100,
      leaseMs: LEASE_MS,
    });
    expect(again.map((c) => c.checkId)).not.toContain(claim.checkId);
  });

  it('releases claims whose publish failed so they are due at once', async () => {
    const at = new Date(NOW.getTime() + 10 * LEASE_MS);
    const claims = await claimDueChecks(store.db, {
      now: at,
      limit: 3,
      leaseMs: LEASE_MS,
    });

    const released = await releaseClaims(store.db, claims);
    const retaken = await claimDueChecks(store.db, {
      now: at,
      limit: 100,
      leaseMs: LEASE_MS,
    });

    expect(released).toBe(3);
    expect(retaken.map((c) => c.checkId)).toEqual(
      expect.arrayContaining(claims.map((c) => c.checkId)),
    );
    expect(
      retaken.filter((c) => claims.some((r) => r.checkId === c.checkId)),
    ).toHaveLength(3);
  });
});
