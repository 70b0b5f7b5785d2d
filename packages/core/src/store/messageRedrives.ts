import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A DLQ message sent back to its queue. */
interface MessageRedrive {
  /** Id of the message in the DLQ. */
  messageId: string;
  deadLetterQueue: string;
  targetQueue: string;
  /** Id SQS gave the copy on the target queue. */
  newMessageId: string;
  redrivenAt: Date;
}

/**
 * Ids among `messageIds` that were already sent back. A redrive deletes
 * these from the DLQ without sending them again.
 *
 * @param db - the store
 * @param messageIds - DLQ message ids
 */
const findRedrivenMessages = async (
  db: Kysely<Database>,
  messageIds: readonly string[],
): Promise<Set<string>> => {
  if (messageIds.length === 0) return new Set();

  const rows = await db
    .selectFrom('message_redrives')
    .select('message_id')
    .where('message_id', 'in', [...messageIds])
    .execute();

  return new Set(rows.map((row) => row.message_id));
};

/**
 * Remembers a sent-back message; a second record of the same id is a
 * no-op, so the first copy's id is the one kept.
 *
 * @param db - the store
 * @param redrive - what was sent where
 */
const recordRedrive = async (
  db: Kysely<Database>,
  redrive: MessageRedrive,
): Promise<void> => {
  await db
    .insertInto('message_redrives')
    .values({
      message_id: redrive.messageId,
      dead_letter_queue: redrive.deadLetterQueue,
      target_queue: redrive.targetQueue,
      new_message_id: redrive.newMessageId,
      redriven_at: redrive.redrivenAt,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
};

export type { MessageRedrive };
export { findRedrivenMessages, recordRedrive };
