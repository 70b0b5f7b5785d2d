import { type Kysely, sql } from 'kysely';

/** Workers, facilities, credentials, checks, results, receipts, LEIE. */
const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('npi', 'text')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notify_email', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) =>
      c.notNull().references('facilities.id'),
    )
    .addColumn('worker_id', 'text', (c) => c.notNull().references('workers.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .execute();
  await db.schema
    .createIndex('engagements_worker_idx')
    .on('engagements')
    .column('worker_id')
    .execute();

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('workers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('number', 'text')
    .addColumn('license_type', 'text')
    .addColumn('expires_on', 'date')
    .execute();

  await db.schema
    .createTable('checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', 'text', (c) =>
      c.notNull().references('credentials.id'),
    )
    .addColumn('worker_id', 'text', (c) => c.notNull().references('workers.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_id', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('last_outcome', 'text')
    .addColumn('last_result_id', 'text')
    .addColumn('last_checked_at', 'timestamptz')
    .addColumn('consecutive_failures', 'integer', (c) =>
      c.notNull().defaultTo(0),
    )
    .addUniqueConstraint('checks_credential_source_uq', [
      'credential_id',
      'source',
    ])
    .execute();
  await db.schema
    .createIndex('checks_due_idx')
    .on('checks')
    .column('next_due_at')
    .execute();

  await db.schema
    .createTable('results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().unique())
    .addColumn('check_id', 'text', (c) => c.notNull().references('checks.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('previous_outcome', 'text')
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('receipt_key', 'text')
    .addColumn('adapter_version', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('results_check_idx')
    .on('results')
    .columns(['check_id', 'checked_at'])
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('manifest_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('leie_lists')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('receipt_key', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('is_current', 'boolean', (c) => c.notNull())
    .execute();
  await sql`create unique index leie_lists_one_current
    on leie_lists (is_current) where is_current`.execute(db);

  await db.schema
    .createTable('leie_exclusions')
    .addColumn('list_id', 'integer', (c) =>
      c.notNull().references('leie_lists.id').onDelete('cascade'),
    )
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('leie_exclusions_pk', ['list_id', 'row_no'])
    .execute();

  await db.schema
    .createTable('notification_log')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('notice_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ses_message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('reserved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
};

export { up };
