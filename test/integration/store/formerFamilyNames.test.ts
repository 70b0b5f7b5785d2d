import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertRoster,
  loadCheckSubject,
  type Store,
  StoreError,
} from '../../../packages/core/src/store';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';

describe('former family names in the store', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    await insertRoster(
      store.db,
      makeRoster([
        {
          id: 'w-former',
          formerFamilyNames: ['Oakley', 'Upshaw-Reyes'],
          sources: ['oig-leie'],
        },
        { id: 'w-none', sources: ['oig-leie'] },
        { id: 'w-empty', formerFamilyNames: [], sources: ['oig-leie'] },
        { id: 'w-bad', sources: ['oig-leie'] },
      ]),
    );
    await store.db
      .updateTable('workers')
      .set({ former_family_names: JSON.stringify({ name: 'Oakley' }) })
      .where('id', '=', 'w-bad')
      .execute();
  });

  afterAll(() => store.close());

  const checkOf = async (workerId: string): Promise<string> => {
    const row = await store.db
      .selectFrom('checks')
      .select('id')
      .where('worker_id', '=', workerId)
      .executeTakeFirstOrThrow();

    return row.id;
  };

  it('loads them into the subject, in order', async () => {
    const checkId = await checkOf('w-former');

    const { subject } = await loadCheckSubject(store.db, checkId);

    expect(subject.formerFamilyNames).toEqual(['Oakley', 'Upshaw-Reyes']);
  });

  it.each([
    ['none were given', 'w-none'],
    ['the list is empty', 'w-empty'],
  ])('leaves them out when %s', async (_case, workerId) => {
    const checkId = await checkOf(workerId);

    const { subject } = await loadCheckSubject(store.db, checkId);

    expect(subject).not.toHaveProperty('formerFamilyNames');
  });

  it('refuses a stored value that is not a list of strings', async () => {
    const checkId = await checkOf('w-bad');

    const loading = loadCheckSubject(store.db, checkId);

    await expect(loading).rejects.toBeInstanceOf(StoreError);
    await expect(loading).rejects.toMatchObject({
      context: { worker_id: 'w-bad' },
    });
  });
});
