import type { Kysely } from 'kysely';

/**
 * Calls made to quota-limited sources (SAM.gov), counted per source and
 * UTC day, so the adapters can stop before the quota is spent instead of
 * finding out from a 429. One row per source and day; old rows are small
 * and kept as a record of use.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('source_call_budget')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addColumn('call_limit', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_call_budget_pk', ['source', 'day'])
    .execute();
};

export { up };
