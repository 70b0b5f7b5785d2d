import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  reserveSourceCalls,
  type Store,
  sourceCallsOn,
  spendSourceBudget,
} from '../../../packages/core/src/store';
import { openTestStore } from '../../helpers/db';

const DAY = '2025-01-15';

describe('source call budget', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
  });

  afterAll(() => store.close());

  it('counts reservations up to the limit and refuses past it', async () => {
    const ask = { source: 'sam-a', day: DAY, calls: 2, limit: 5 };

    const answers = [
      await reserveSourceCalls(store.db, ask),
      await reserveSourceCalls(store.db, ask),
      await reserveSourceCalls(store.db, ask),
      await reserveSourceCalls(store.db, { ...ask, calls: 1 }),
    ];

    expect(answers).toEqual([true, true, false, true]);
    expect(await sourceCallsOn(store.db, 'sam-a', DAY)).toBe(5);
  });

  it('never overspends under concurrent reservations', async () => {
    const ask = { source: 'sam-b', day: DAY, calls: 1, limit: 7 };

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => reserveSourceCalls(store.db, ask)),
    );

    expect(answers.filter(Boolean)).toHaveLength(7);
    expect(await sourceCallsOn(store.db, 'sam-b', DAY)).toBe(7);
  });

  it('refuses everything on a day marked spent, and only that day', async () => {
    const ask = { source: 'sam-c', day: DAY, calls: 1, limit: 10 };
    await reserveSourceCalls(store.db, ask);

    await spendSourceBudget(store.db, { source: 'sam-c', day: DAY, limit: 10 });

    expect(await reserveSourceCalls(store.db, ask)).toBe(false);
    expect(
      await reserveSourceCalls(store.db, { ...ask, day: '2025-01-16' }),
    ).toBe(true);
  });

  it('refuses a reservation larger than the whole limit', async () => {
    const ask = { source: 'sam-d', day: DAY, calls: 3, limit: 2 };

    const reserved = await reserveSourceCalls(store.db, ask);

    expect(reserved).toBe(false);
    expect(await sourceCallsOn(store.db, 'sam-d', DAY)).toBe(0);
  });
});
