import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** The loaded LEIE list that screening uses now. */
interface CurrentLeieList {
  id: number;
  receiptKey: string;
  etag: string | null;
  lastModified: string | null;
  rowCount: number;
  loadedAt: Date;
  checkedAt: Date;
}

const INSERT_CHUNK = 1_000;

/**
 * Replaces the current LEIE list with a completely parsed one, in one
 * transaction: screening sees either the old list or the new one, never a
 * half-loaded list. Older lists are deleted with their rows.
 */
const replaceLeieList = async <T>(
  db: Kysely<Database>,
  list: {
    receiptKey: string;
    etag: string | null;
    lastModified: string | null;
    loadedAt: Date;
    records: readonly T[];
  },
): Promise<CurrentLeieList> =>
  db.transaction().execute(async (trx) => {
    await trx.deleteFrom('leie_lists').where('is_current', '=', true).execute();
    const inserted = await trx
      .insertInto('leie_lists')
      .values({
        receipt_key: list.receiptKey,
        etag: list.etag,
        last_modified: list.lastModified,
        row_count: list.records.length,
        loaded_at: list.loadedAt,
        checked_at: list.loadedAt,
        is_current: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (let start = 0; start < list.records.length; start += INSERT_CHUNK) {
      const chunk = list.records.slice(start, start + INSERT_CHUNK);
      await trx
        .insertInto('leie_exclusions')
        .values(
          chunk.map((record, i) => ({
            list_id: inserted.id,
            row_no: start + i + 1,
            record: JSON.stringify(record),
          })),
        )
        .execute();
    }

    return {
      id: inserted.id,
      receiptKey: list.receiptKey,
      etag: list.etag,
      lastModified: list.lastModified,
      rowCount: list.records.length,
      loadedAt: list.loadedAt,
      checkedAt: list.loadedAt,
    };
  });

/** The current list's metadata, or null when none was ever loaded. */
const currentLeieList = async (
  db: Kysely<Database>,
): Promise<CurrentLeieList | null> => {
  const row = await db
    .selectFrom('leie_lists')
    .selectAll()
    .where('is_current', '=', true)
    .executeTakeFirst();
  if (row === undefined) return null;

  return {
    id: row.id,
    receiptKey: row.receipt_key,
    etag: row.etag,
    lastModified: row.last_modified,
    rowCount: row.row_count,
    loadedAt: new Date(row.loaded_at),
    checkedAt: new Date(row.checked_at),
  };
};

/** Records that the source confirmed the current list is unchanged. */
const touchLeieList = async (
  db: Kysely<Database>,
  listId: number,
  checkedAt: Date,
): Promise<void> => {
  await db
    .updateTable('leie_lists')
    .set({ checked_at: checkedAt })
    .where('id', '=', listId)
    .execute();
};

/** Every stored record of one list, in file order. */
const loadLeieRecords = async (
  db: Kysely<Database>,
  listId: number,
): Promise<unknown[]> => {
  const rows = await db
    .selectFrom('leie_exclusions')
    .select('record')
    .where('list_id', '=', listId)
    .orderBy('row_no')
    .execute();

  return rows.map((row) => row.record);
};

/**
 * Makes every check of a source due now (a new list has arrived). A check
 * whose request is in flight keeps its lease: moving it would bring it
 * back into the sweep's due range while a message for it is still out.
 */
const markSourceDue = async (
  db: Kysely<Database>,
  source: string,
  now: Date,
): Promise<number> => {
  const result = await db
    .updateTable('checks')
    .set({ next_due_at: now })
    .where('source', '=', source)
    .where('next_due_at', '>', now)
    .where((eb) =>
      eb.or([
        eb('lease_expires_at', 'is', null),
        eb('lease_expires_at', '<=', now),
      ]),
    )
    .executeTakeFirst();

  return Number(result.numUpdatedRows);
};

export type { CurrentLeieList };
export {
  currentLeieList,
  loadLeieRecords,
  markSourceDue,
  replaceLeieList,
  touchLeieList,
};
