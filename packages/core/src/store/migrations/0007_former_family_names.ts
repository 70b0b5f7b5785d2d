import type { Kysely } from 'kysely';

/**
 * Family names a worker was known by before (maiden names, names before
 * a divorce), as a JSON array of strings; exclusion screening checks each
 * of them too. Null or absent means none are known.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .alterTable('workers')
    .addColumn('former_family_names', 'jsonb')
    .execute();
};

export { up };
