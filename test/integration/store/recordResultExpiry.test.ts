import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../../packages/core/src/domain/classification';
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
/** How long after its due time a claimed check is recorded. */
const PROCESSING_MS = 90_000;
const LICENSE = { jurisdiction: 'KS', number: 'RN004217', type: 'RN' };

describe('recordResult and a reported expiration date', () => {
  let store: Store;

  const credentialOf = (workerId: string) =>
    store.db
      .selectFrom('credentials')
      .select('expires_on')
      .where('id', '=', `${workerId}-nursys`)
      .executeTakeFirstOrThrow();

  const checkOf = (workerId: string) =>
    store.db
      .selectFrom('checks')
      .select(['next_due_at', 'last_outcome', 'last_result_id'])
      .where('worker_id', '=', workerId)
      .executeTakeFirstOrThrow();

  const dueAt = async (workerId: string): Promise<string> =>
    new Date((await checkOf(workerId)).next_due_at).toISOString();

  /** The claim of each worker's check, first made at `NOW`. */
  const claims = new Map<string, ClaimedCheck>();

  /** Records `classification` for the worker's current claim. */
  const record = (
    workerId: string,
    at: Date,
    classification: Classification,
  ) => {
    const claim = claims.get(workerId);
    if (claim === undefined) throw new Error(`${workerId} is not claimed`);

    return recordResult(store.db, {
      requestId: claim.requestId,
      source: claim.source,
      classification,
      receiptKey: null,
      adapterVersion: 'test-1',
      checkedAt: new Date(at.getTime() + PROCESSING_MS),
      random: () => 0,
    });
  };

  /** Claims what is due at `at`, as the sweep would. */
  const claimAt = async (at: Date) => {
    const claimed = await claimDueChecks(store.db, {
      now: at,
      limit: 10,
      leaseMs: LEASE_MS,
    });
    for (const claim of claimed) claims.set(claim.workerId, claim);
  };

  /** Claims the worker's check at its next due time and records it. */
  const recordWhenDue = async (
    workerId: string,
    classification: Classification,
  ) => {
    const at = new Date(await dueAt(workerId));
    await claimAt(at);

    return record(workerId, at, classification);
  };

  const clear = (expiresOn?: string): Classification => ({
    outcome: 'clear',
    findings: [],
    ...(expiresOn === undefined ? {} : { expiresOn }),
  });

  beforeAll(async () => {
    store = await openTestStore();
    const roster = makeRoster(
      ['walked', 'redelivered', 'typed', 'renewed'].map((id) => ({
        id,
        sources: ['nursys'],
        license: LICENSE,
        dueAt: NOW,
      })),
    );
    const typedIn: Record<string, string> = {
      typed: '2026-09-30',
      renewed: '2026-06-04',
    };
    for (const credential of roster.credentials) {
      credential.expires_on = typedIn[credential.worker_id] ?? null;
    }
    await insertRoster(store.db, roster);
    await claimAt(NOW);
  });

  afterAll(async () => {
    await store.close();
  });

  it('changes nothing for a redelivered request', async () => {
    const first = await record('redelivered', NOW, clear('2026-06-20'));
    const before = await checkOf('redelivered');

    const again = await recordResult(store.db, {
      requestId: claims.get('redelivered')?.requestId ?? '',
      source: 'nursys',
      classification: clear('2030-01-31'),
      receiptKey: null,
      adapterVersion: 'test-1',
      checkedAt: new Date(NOW.getTime() + 2 * PROCESSING_MS),
      random: () => 0.9,
    });

    expect(again).toMatchObject({ duplicate: true, resultId: first.resultId });
    expect(await credentialOf('redelivered')).toEqual({
      expires_on: '2026-06-20',
    });
    expect(await checkOf('redelivered')).toEqual(before);
  });

  it('keeps a typed-in date when the result reports none', async () => {
    await record('typed', NOW, {
      outcome: 'source_unavailable',
      findings: [],
    });

    expect(await credentialOf('typed')).toEqual({ expires_on: '2026-09-30' });
    expect(await dueAt('typed')).toBe('2026-06-01T12:09:00.000Z');
  });

  it('replaces an older date with a renewal and plans from the new one', async () => {
    await record('renewed', NOW, clear('2028-06-30'));

    expect(await credentialOf('renewed')).toEqual({ expires_on: '2028-06-30' });
    // Had the old date stood, the check would come back on its expiry day.
    expect(await dueAt('renewed')).toBe('2026-06-29T12:01:30.000Z');
  });

  it('writes the date and follows every expiry mark to the day after', async () => {
    await record('walked', NOW, clear('2026-06-20'));
    const marks = [await dueAt('walked')];
    const outcomes = ['clear', 'clear', 'clear', 'clear', 'expired'] as const;
    for (const outcome of outcomes) {
      await recordWhenDue('walked', {
        outcome,
        findings: [],
        expiresOn: '2026-06-20',
      });
      marks.push(await dueAt('walked'));
    }

    expect(await credentialOf('walked')).toEqual({ expires_on: '2026-06-20' });
    // 14, 7, 3 and 0 days before, the day after, then the base interval
    // from the day after's check.
    expect(marks).toEqual([
      '2026-06-06T12:00:00.000Z',
      '2026-06-13T12:00:00.000Z',
      '2026-06-17T12:00:00.000Z',
      '2026-06-20T12:00:00.000Z',
      '2026-06-21T12:00:00.000Z',
      '2026-07-19T12:01:30.000Z',
    ]);
  });
});
