import type { Kysely } from 'kysely';

/**
 * SES feedback: the addresses the notifier must no longer mail, and every
 * bounce or complaint received (one row per feedback and address, so a
 * redelivered SNS message is counted once).
 *
 * The log's worker, check and result become optional: an operator notice
 * (a source outage, a facility nobody can reach) is about no one worker.
 */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('suppressed_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_feedback')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ses_message_id', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('email_feedback_once_uq', ['feedback_id', 'email'])
    .execute();
  await db.schema
    .createIndex('email_feedback_email_idx')
    .on('email_feedback')
    .columns(['email', 'occurred_at'])
    .execute();

  for (const column of ['worker_id', 'check_id', 'result_id']) {
    await db.schema
      .alterTable('notification_log')
      .alterColumn(column, (c) => c.dropNotNull())
      .execute();
  }
};

export { up };
