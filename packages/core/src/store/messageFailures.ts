import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** One failed attempt at a queue message. */
interface MessageFailure {
  messageId: string;
  queue: string;
  handler: string;
  errorName: string;
  /** Must already be PHI-free (see `describeFailure`). */
  errorMessage: string;
  failedAt: Date;
}

/** What the store knows about one message's failures. */
interface MessageFailureSummary {
  messageId: string;
  attempts: number;
  last: MessageFailure;
}

/**
 * Stores failed attempts; each attempt is a row, so a message retried
 * five times before its DLQ shows five.
 *
 * @param db - the store
 * @param failures - the attempts to record
 */
const recordMessageFailures = async (
  db: Kysely<Database>,
  failures: readonly MessageFailure[],
): Promise<void> => {
  if (failures.length === 0) return;

  await db
    .insertInto('message_failures')
    .values(
      failures.map((failure) => ({
        message_id: failure.messageId,
        queue: failure.queue,
        handler: failure.handler,
        error_name: failure.errorName,
        error_message: failure.errorMessage,
        failed_at: failure.failedAt,
      })),
    )
    .execute();
};

/**
 * The number of failed attempts and the latest failure of each message;
 * messages without a recorded failure are absent from the map.
 *
 * @param db - the store
 * @param messageIds - the SQS message ids to look up
 */
const summarizeMessageFailures = async (
  db: Kysely<Database>,
  messageIds: readonly string[],
): Promise<Map<string, MessageFailureSummary>> => {
  const summaries = new Map<string, MessageFailureSummary>();
  if (messageIds.length === 0) return summaries;

  const rows = await db
    .selectFrom('message_failures')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .orderBy('failed_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  for (const row of rows) {
    const last: MessageFailure = {
      messageId: row.message_id,
      queue: row.queue,
      handler: row.handler,
      errorName: row.error_name,
      errorMessage: row.error_message,
      failedAt: new Date(row.failed_at),
    };
    const attempts = (summaries.get(row.message_id)?.attempts ?? 0) + 1;
    summaries.set(row.message_id, {
      messageId: row.message_id,
      attempts,
      last,
    });
  }

  return summaries;
};

export type { MessageFailure, MessageFailureSummary };
export { recordMessageFailures, summarizeMessageFailures };
