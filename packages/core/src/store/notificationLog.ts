import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** One email the notifier intends to send. */
interface NotificationIntent {
  dedupeKey: string;
  noticeKind: string;
  recipientRole: string;
  recipientEmail: string;
  /** The worker, check and result the notice is about; null for operators. */
  workerId: string | null;
  checkId: string | null;
  resultId: string | null;
}

/**
 * Takes the right to send one notice. Returns the log row id when this
 * caller must send it, or null when it was sent already or another
 * notifier holds it.
 *
 * A reservation that failed, or that is older than `staleAfterMs` without
 * being marked sent (its notifier crashed), can be taken again. The only
 * way to send twice is a crash between SES accepting the mail and
 * `markNotificationSent`; we accept that window over losing the notice.
 */
const reserveNotification = async (
  db: Kysely<Database>,
  intent: NotificationIntent,
  { now, staleAfterMs }: { now: Date; staleAfterMs: number },
): Promise<number | null> => {
  const inserted = await db
    .insertInto('notification_log')
    .values({
      dedupe_key: intent.dedupeKey,
      notice_kind: intent.noticeKind,
      recipient_role: intent.recipientRole,
      recipient_email: intent.recipientEmail,
      worker_id: intent.workerId,
      check_id: intent.checkId,
      result_id: intent.resultId,
      status: 'pending',
      reserved_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted !== undefined) return inserted.id;

  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const retaken = await db
    .updateTable('notification_log')
    .set({ status: 'pending', reserved_at: now })
    .where('dedupe_key', '=', intent.dedupeKey)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([
          eb('status', '=', 'pending'),
          eb('reserved_at', '<', staleBefore),
        ]),
      ]),
    )
    .returning('id')
    .executeTakeFirst();

  return retaken?.id ?? null;
};

/** The status of one notice in the log, or null when it has no row. */
const notificationStatus = async (
  db: Kysely<Database>,
  dedupeKey: string,
): Promise<string | null> => {
  const row = await db
    .selectFrom('notification_log')
    .select('status')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();

  return row?.status ?? null;
};

/** Marks a reserved notice as accepted by SES. */
const markNotificationSent = async (
  db: Kysely<Database>,
  id: number,
  { messageId, now }: { messageId: string; now: Date },
): Promise<void> => {
  await db
    .updateTable('notification_log')
    .set({ status: 'sent', ses_message_id: messageId, sent_at: now })
    .where('id', '=', id)
    .execute();
};

/** Gives a reservation back after a failed send, so a retry may take it. */
const markNotificationFailed = async (
  db: Kysely<Database>,
  id: number,
): Promise<void> => {
  await db
    .updateTable('notification_log')
    .set({ status: 'failed' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
};

/**
 * Closes a reservation without sending: the address is on the suppression
 * list. The row stays `suppressed` for good, so a redelivery does not try
 * again.
 */
const markNotificationSuppressed = async (
  db: Kysely<Database>,
  id: number,
): Promise<void> => {
  await db
    .updateTable('notification_log')
    .set({ status: 'suppressed' })
    .where('id', '=', id)
    .execute();
};

/** Counts of the log by status, for run summaries. */
const countNotifications = async (
  db: Kysely<Database>,
): Promise<Record<string, number>> => {
  const rows = await db
    .selectFrom('notification_log')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute();

  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
};

export type { NotificationIntent };
export {
  countNotifications,
  markNotificationFailed,
  markNotificationSent,
  markNotificationSuppressed,
  notificationStatus,
  reserveNotification,
};
