import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Why an address is on the suppression list. */
type SuppressionReason = 'permanent_bounce' | 'complaint' | 'transient_bounces';

/** One bounce or complaint about one address. */
interface EmailFeedbackRecord {
  feedbackId: string;
  email: string;
  kind: string;
  sesMessageId: string | null;
  occurredAt: Date;
}

/**
 * The form addresses are compared in. Domains ignore case; local parts
 * may not by the letter of the RFC, but no mail system we send to does.
 */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** True when the notifier must not mail `email`. */
const isSuppressed = async (
  db: Kysely<Database>,
  email: string,
): Promise<boolean> => {
  const row = await db
    .selectFrom('suppressions')
    .select('email')
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();

  return row !== undefined;
};

/**
 * Puts an address on the suppression list. Returns false when it was
 * there already (the first reason is kept).
 */
const suppressAddress = async (
  db: Kysely<Database>,
  input: { email: string; reason: SuppressionReason; now: Date },
): Promise<boolean> => {
  const inserted = await db
    .insertInto('suppressions')
    .values({
      email: normaliseEmail(input.email),
      reason: input.reason,
      suppressed_at: input.now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('email')
    .executeTakeFirst();

  return inserted !== undefined;
};

/**
 * Records one feedback for one address. Returns false when this feedback
 * id was recorded for the address already (a redelivered SNS message).
 */
const recordEmailFeedback = async (
  db: Kysely<Database>,
  record: EmailFeedbackRecord,
): Promise<boolean> => {
  const inserted = await db
    .insertInto('email_feedback')
    .values({
      feedback_id: record.feedbackId,
      email: normaliseEmail(record.email),
      kind: record.kind,
      ses_message_id: record.sesMessageId,
      occurred_at: record.occurredAt,
    })
    .onConflict((oc) => oc.columns(['feedback_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();

  return inserted !== undefined;
};

/** Feedback of one kind for an address since a moment. */
const countEmailFeedback = async (
  db: Kysely<Database>,
  input: { email: string; kind: string; since: Date },
): Promise<number> => {
  const row = await db
    .selectFrom('email_feedback')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('email', '=', normaliseEmail(input.email))
    .where('kind', '=', input.kind)
    .where('occurred_at', '>=', input.since)
    .executeTakeFirstOrThrow();

  return Number(row.n);
};

/** One address on the suppression list. */
interface SuppressionRecord {
  email: string;
  reason: SuppressionReason;
  suppressedAt: Date;
}

/** Every suppressed address, oldest first. */
const listSuppressions = async (
  db: Kysely<Database>,
): Promise<SuppressionRecord[]> => {
  const rows = await db
    .selectFrom('suppressions')
    .selectAll()
    .orderBy('suppressed_at')
    .orderBy('email')
    .execute();

  return rows.map((row) => ({
    email: row.email,
    reason: row.reason,
    suppressedAt: new Date(row.suppressed_at),
  }));
};

/** `email_feedback.kind` of the audit row a lifted suppression leaves. */
const SUPPRESSION_LIFTED = 'suppression_lifted';

/**
 * Takes an address off the suppression list, after an operator confirmed
 * it works again. The lift is recorded in `email_feedback` (kind
 * `suppression_lifted`), which keeps the audit trail and lets transient
 * bounces count afresh from this moment (see `lastSuppressionLift`).
 *
 * @returns false when the address was not suppressed (nothing recorded)
 */
const liftSuppression = async (
  db: Kysely<Database>,
  input: { email: string; now: Date },
): Promise<boolean> => {
  const email = normaliseEmail(input.email);

  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('suppressions')
      .where('email', '=', email)
      .returning('email')
      .executeTakeFirst();
    if (removed === undefined) return false;
    await trx
      .insertInto('email_feedback')
      .values({
        feedback_id: `lift:${input.now.toISOString()}`,
        email,
        kind: SUPPRESSION_LIFTED,
        ses_message_id: null,
        occurred_at: input.now,
      })
      .onConflict((oc) => oc.columns(['feedback_id', 'email']).doNothing())
      .execute();

    return true;
  });
};

/** When the address's suppression was last lifted, if ever. */
const lastSuppressionLift = async (
  db: Kysely<Database>,
  email: string,
): Promise<Date | null> => {
  const row = await db
    .selectFrom('email_feedback')
    .select(sql<Date | string | null>`max(occurred_at)`.as('at'))
    .where('email', '=', normaliseEmail(email))
    .where('kind', '=', SUPPRESSION_LIFTED)
    .executeTakeFirst();

  return row?.at == null ? null : new Date(row.at);
};

/** How many addresses are suppressed, for run summaries. */
const countSuppressions = async (db: Kysely<Database>): Promise<number> => {
  const row = await db
    .selectFrom('suppressions')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();

  return Number(row.n);
};

export type { EmailFeedbackRecord, SuppressionReason, SuppressionRecord };
export {
  countEmailFeedback,
  countSuppressions,
  isSuppressed,
  lastSuppressionLift,
  liftSuppression,
  listSuppressions,
  normaliseEmail,
  recordEmailFeedback,
  suppressAddress,
};
