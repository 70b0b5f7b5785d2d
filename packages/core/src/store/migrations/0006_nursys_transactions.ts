import { type Kysely, sql } from 'kysely';

/**
 * Nursys e-Notify is asynchronous: a lookup is submitted, then polled.
 *
 * `nursys_transactions` keeps each nurse lookup's transaction id, so a
 * redelivered or retried check polls the transaction it already has
 * instead of submitting again. At most one open (`submitting` or
 * `pending`) transaction per check, enforced by a partial unique index.
 *
 * `nursys_notification_lookups` keeps each daily notification lookup's
 * window; the next one starts where the last complete one ended.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('nursys_transactions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('checks.id'))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('polls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submit_receipt_key', 'text')
    .addColumn('result_receipt_key', 'text')
    .execute();
  await sql`
    create unique index nursys_transactions_open_per_check
    on nursys_transactions (check_id)
    where status in ('submitting', 'pending')
  `.execute(db);

  await db.schema
    .createTable('nursys_notification_lookups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('window_end', 'timestamptz', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('receipt_key', 'text')
    .addColumn('reported', 'integer')
    .addColumn('checks_marked_due', 'integer')
    .addColumn('unknown_nurses', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
};

export { up };
