import { type Kysely, sql } from 'kysely';

/**
 * When each check was last verified (the source answered), and one
 * coverage record per day and source.
 *
 * Existing checks get their last verification from the results already
 * stored, so a check whose latest attempt failed keeps the older
 * verification it really has.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .alterTable('checks')
    .addColumn('last_verified_at', 'timestamptz')
    .execute();
  await sql`
    update checks c
    set last_verified_at = r.verified_at
    from (
      select check_id, max(checked_at) as verified_at
      from results
      where outcome in ('clear', 'flagged', 'needs_review', 'expired', 'not_found')
      group by check_id
    ) r
    where r.check_id = c.id
  `.execute(db);

  await db.schema
    .createTable('coverage_reports')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('in_flight', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('never_verified', 'integer', (c) => c.notNull())
    .addColumn('oldest_verified_at', 'timestamptz')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('coverage_reports_pk', ['day', 'source'])
    .execute();
};

export { up };
