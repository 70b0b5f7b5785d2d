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

/** How many addresses are suppressed, for run summaries. */
const countSuppressions = async (db: Kysely<Database>): Promise<number> => {
  const row = await db
    .selectFrom('suppressions')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();

  return Number(row.n);
};

export type { EmailFeedbackRecord, SuppressionReason };
export {
  countEmailFeedback,
  countSuppressions,
  isSuppressed,
  normaliseEmail,
  recordEmailFeedback,
  suppressAddress,
};
