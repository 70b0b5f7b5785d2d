import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Where the last complete notification lookup's window ended, if any. */
const lastNotificationWindowEnd = async (
  db: Kysely<Database>,
): Promise<Date | null> => {
  const row = await db
    .selectFrom('nursys_notification_lookups')
    .select('window_end')
    .where('status', '=', 'complete')
    .orderBy('window_end', 'desc')
    .limit(1)
    .executeTakeFirst();

  return row === undefined ? null : new Date(row.window_end);
};

/** Records a notification lookup as started; returns its id. */
const startNotificationLookup = async (
  db: Kysely<Database>,
  input: { start: Date; end: Date; now: Date },
): Promise<number> => {
  const row = await db
    .insertInto('nursys_notification_lookups')
    .values({
      window_start: input.start,
      window_end: input.end,
      transaction_id: null,
      status: 'started',
      receipt_key: null,
      reported: null,
      checks_marked_due: null,
      unknown_nurses: null,
      started_at: input.now,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
};

/** Ends a notification lookup; only a `complete` one moves the window. */
const finishNotificationLookup = async (
  db: Kysely<Database>,
  input: {
    id: number;
    status: 'complete' | 'failed';
    transactionId: string | null;
    receiptKey: string | null;
    reported?: number;
    checksMarkedDue?: number;
    unknownNurses?: number;
    now: Date;
  },
): Promise<void> => {
  await db
    .updateTable('nursys_notification_lookups')
    .set({
      status: input.status,
      transaction_id: input.transactionId,
      receipt_key: input.receiptKey,
      reported: input.reported ?? null,
      checks_marked_due: input.checksMarkedDue ?? null,
      unknown_nurses: input.unknownNurses ?? null,
      completed_at: input.now,
    })
    .where('id', '=', input.id)
    .execute();
};

/** The SQL twin of `licenseKey`: `JURISDICTION|TYPE|NUMBER`, normalised. */
const credentialLicenseKey = sql<string>`
  upper(trim(credentials.jurisdiction)) || '|' ||
  upper(trim(credentials.license_type)) || '|' ||
  upper(regexp_replace(credentials.number, '\\s', '', 'g'))`;

/**
 * Makes the `nursys` checks of the given licenses due now, so the sweep
 * verifies them again. Keys are `licenseKey` values. A check whose request
 * is in flight keeps its lease (see `markSourceDue`); one already due is
 * left as it is.
 *
 * @returns the keys that matched a credential, and the checks moved
 */
const markNursysLicensesDue = async (
  db: Kysely<Database>,
  keys: readonly string[],
  now: Date,
): Promise<{ knownKeys: Set<string>; markedDue: number }> => {
  const knownKeys = new Set<string>();
  let markedDue = 0;
  const unique = [...new Set(keys)];
  for (let at = 0; at < unique.length; at += 500) {
    const chunk = unique.slice(at, at + 500);
    const rows = await db
      .selectFrom('checks')
      .innerJoin('credentials', 'credentials.id', 'checks.credential_id')
      .select(['checks.id', credentialLicenseKey.as('license_key')])
      .where('checks.source', '=', 'nursys')
      .where('credentials.kind', '=', 'license')
      .where(credentialLicenseKey, 'in', chunk)
      .execute();
    for (const row of rows) knownKeys.add(row.license_key);
    if (rows.length === 0) continue;

    const result = await db
      .updateTable('checks')
      .set({ next_due_at: now })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .where('next_due_at', '>', now)
      .where((eb) =>
        eb.or([
          eb('lease_expires_at', 'is', null),
          eb('lease_expires_at', '<=', now),
        ]),
      )
      .executeTakeFirst();
    markedDue += Number(result.numUpdatedRows);
  }

  return { knownKeys, markedDue };
};

export {
  finishNotificationLookup,
  lastNotificationWindowEnd,
  markNursysLicensesDue,
  startNotificationLookup,
};
