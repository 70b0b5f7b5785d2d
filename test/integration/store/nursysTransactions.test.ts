import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginNursysSubmit,
  closeNursysTransaction,
  insertRoster,
  markNursysPending,
  openNursysTransaction,
  type Store,
  takeOverNursysSubmit,
} from '../../../packages/core/src/store';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';

const CHECK = 'c-w1-nursys';
const T0 = new Date('2025-01-15T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('Nursys transactions in the store', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    await insertRoster(
      store.db,
      makeRoster([
        {
          id: 'w1',
          sources: ['nursys'],
          license: { jurisdiction: 'KS', number: 'RN1', type: 'RN' },
        },
      ]),
    );
  });

  afterAll(() => store.close());

  it('lets one of two concurrent submits begin', async () => {
    const begun = await Promise.all(
      ['r1', 'r2'].map((requestId) =>
        beginNursysSubmit(store.db, { checkId: CHECK, requestId, now: T0 }),
      ),
    );

    expect(begun.filter((id) => id !== null)).toHaveLength(1);
  });

  it('leaves a fresh submit to its owner and takes over a stale one', async () => {
    const open = await openNursysTransaction(store.db, CHECK);
    const id = open?.id ?? -1;

    const fresh = await takeOverNursysSubmit(store.db, {
      id,
      requestId: 'r3',
      staleBefore: minutes(-5),
      now: minutes(1),
    });
    const stale = await takeOverNursysSubmit(store.db, {
      id,
      requestId: 'r3',
      staleBefore: minutes(5),
      now: minutes(10),
    });

    expect([fresh, stale]).toEqual([false, true]);
    expect((await openNursysTransaction(store.db, CHECK))?.requestId).toBe(
      'r3',
    );
  });

  it('opens a new transaction only once the last one is closed', async () => {
    const open = await openNursysTransaction(store.db, CHECK);
    const id = open?.id ?? -1;
    await markNursysPending(store.db, {
      id,
      transactionId: 'NT-1',
      submitReceiptKey: 'receipts/nursys/x',
      now: minutes(11),
    });

    const whilePending = await beginNursysSubmit(store.db, {
      checkId: CHECK,
      requestId: 'r4',
      now: minutes(12),
    });
    await closeNursysTransaction(store.db, {
      id,
      status: 'complete',
      resultReceiptKey: 'receipts/nursys/y',
      now: minutes(13),
    });
    const afterClose = await beginNursysSubmit(store.db, {
      checkId: CHECK,
      requestId: 'r5',
      now: minutes(14),
    });

    expect(whilePending).toBeNull();
    expect(afterClose).not.toBeNull();
  });
});
