import {
  DeleteMessageCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Kysely } from 'kysely';
import { findRedrivenMessages, recordRedrive } from '../store/messageRedrives';
import type { Database } from '../store/schema';
import { OperationsError } from './errors';
import { REDRIVEN_FROM_ATTRIBUTE } from './peekDeadLetters';
import type { QueueRef } from './resolveQueue';

/** What a redrive did. */
interface RedriveReport {
  /** Sent back to the work queue and deleted from the DLQ. */
  moved: string[];
  /** Already sent back earlier: deleted from the DLQ, not sent again. */
  alreadyMoved: string[];
}

interface RedriveOptions {
  sqs: SQSClient;
  dlq: QueueRef;
  target: QueueRef;
  /** Remembers sent-back ids across runs; without it, within one run. */
  db?: Kysely<Database>;
  clock?: () => Date;
  /** Most messages to move (default 1000). */
  max?: number;
}

/**
 * Long enough that a message being moved does not come back into view
 * before it is deleted, short enough that a crashed redrive's messages
 * reappear soon for the next one.
 */
const REDRIVE_VISIBILITY_SECONDS = 120;

/** SQS allows ten message attributes; the marker needs one of them. */
const MAX_MESSAGE_ATTRIBUTES = 10;

const copyAttributes = (
  message: Message,
): Record<string, MessageAttributeValue> => {
  const copied: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    if (name === REDRIVEN_FROM_ATTRIBUTE || value.DataType === undefined) {
      continue;
    }
    copied[name] = {
      DataType: value.DataType,
      ...(value.StringValue === undefined
        ? {}
        : { StringValue: value.StringValue }),
      ...(value.BinaryValue === undefined
        ? {}
        : { BinaryValue: value.BinaryValue }),
    };
  }
  if (Object.keys(copied).length < MAX_MESSAGE_ATTRIBUTES) {
    copied[REDRIVEN_FROM_ATTRIBUTE] = {
      DataType: 'String',
      StringValue: message.MessageId ?? '',
    };
  }

  return copied;
};

/**
 * Moves the messages of a DLQ back to their work queue after a fix: each
 * is sent (body and attributes, plus the id it had in the DLQ) and only
 * then deleted from the DLQ. A message id already sent back (in this run,
 * or in an earlier one when `db` is given) is deleted without a second
 * send, so an interrupted redrive can simply be run again.
 *
 * Note: the window between a send and its record is not transactional; a
 * crash inside it can send one message twice. Adapters store one result
 * per request id, so such a duplicate changes nothing.
 *
 * @param options - clients, queues, store and limits
 */
const redriveDeadLetters = async (
  options: RedriveOptions,
): Promise<RedriveReport> => {
  const { sqs, dlq, target, db } = options;
  const clock = options.clock ?? (() => new Date());
  const max = options.max ?? 1000;
  const report: RedriveReport = { moved: [], alreadyMoved: [] };
  const sentNow = new Set<string>();

  while (report.moved.length + report.alreadyMoved.length < max) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlq.url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: REDRIVE_VISIBILITY_SECONDS,
        WaitTimeSeconds: 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const ids = Messages.flatMap((m) => (m.MessageId ? [m.MessageId] : []));
    const sentBefore =
      db === undefined
        ? new Set<string>()
        : await findRedrivenMessages(db, ids);

    for (const message of Messages) {
      const id = message.MessageId;
      if (id === undefined || message.ReceiptHandle === undefined) continue;
      if (sentNow.has(id) || sentBefore.has(id)) {
        await deleteFromDlq(sqs, dlq, message.ReceiptHandle);
        if (!sentNow.has(id)) report.alreadyMoved.push(id);
        continue;
      }

      const sent = await sqs.send(
        new SendMessageCommand({
          QueueUrl: target.url,
          MessageBody: message.Body ?? '',
          MessageAttributes: copyAttributes(message),
        }),
      );
      if (sent.MessageId === undefined) {
        throw new OperationsError(
          `SQS accepted DLQ message ${id} on ${target.name} without an id; it stays in ${dlq.name}`,
          { context: { message_id: id, queue: target.name } },
        );
      }
      sentNow.add(id);
      if (db !== undefined) {
        await recordRedrive(db, {
          messageId: id,
          deadLetterQueue: dlq.name,
          targetQueue: target.name,
          newMessageId: sent.MessageId,
          redrivenAt: clock(),
        });
      }
      await deleteFromDlq(sqs, dlq, message.ReceiptHandle);
      report.moved.push(id);
    }
  }

  return report;
};

const deleteFromDlq = (
  sqs: SQSClient,
  dlq: QueueRef,
  receiptHandle: string,
): Promise<unknown> =>
  sqs.send(
    new DeleteMessageCommand({
      QueueUrl: dlq.url,
      ReceiptHandle: receiptHandle,
    }),
  );

export type { RedriveOptions, RedriveReport };
export { redriveDeadLetters };
