import { type Kysely, sql } from 'kysely';

/**
 * Why queue messages failed, since SQS keeps no reason: one row per failed
 * attempt, written by the SQS handler wrapper. `dlq list` joins these to
 * the messages in a dead-letter queue by message id (SQS keeps the id when
 * it moves a message to the DLQ).
 *
 * `message_redrives` remembers which DLQ messages an operator already sent
 * back, so a redrive that is interrupted and run again sends none twice.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('message_failures')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('error_name', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute();
  await db.schema
    .createIndex('message_failures_message_idx')
    .on('message_failures')
    .columns(['message_id', 'failed_at'])
    .execute();

  await db.schema
    .createTable('message_redrives')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('dead_letter_queue', 'text', (c) => c.notNull())
    .addColumn('target_queue', 'text', (c) => c.notNull())
    .addColumn('new_message_id', 'text', (c) => c.notNull())
    .addColumn('redriven_at', 'timestamptz', (c) => c.notNull())
    .execute();
};

export { up };
