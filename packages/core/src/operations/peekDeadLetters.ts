import {
  ChangeMessageVisibilityBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { QueueRef } from './resolveQueue';

/** One message waiting in a DLQ, as SQS describes it. */
interface DeadLetter {
  messageId: string;
  /** Receives so far, this look included (SQS counts every receive). */
  receiveCount: number;
  sentAt: Date | null;
  firstReceivedAt: Date | null;
  /** Set when an earlier redrive sent this message back once already. */
  redrivenFrom: string | null;
  bodyBytes: number;
}

/** Message attribute a redrive puts on the copy it sends back. */
const REDRIVEN_FROM_ATTRIBUTE = 'rovn_redriven_from';

/** How long peeked messages stay hidden before they are released. */
const PEEK_VISIBILITY_SECONDS = 30;

const timestamp = (value: string | undefined): Date | null =>
  value === undefined || value === '' ? null : new Date(Number(value));

/** SQS's view of a received message, without its body. */
const toDeadLetter = (message: Message): DeadLetter => ({
  messageId: message.MessageId ?? '',
  receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
  sentAt: timestamp(message.Attributes?.SentTimestamp),
  firstReceivedAt: timestamp(
    message.Attributes?.ApproximateFirstReceiveTimestamp,
  ),
  redrivenFrom:
    message.MessageAttributes?.[REDRIVEN_FROM_ATTRIBUTE]?.StringValue ?? null,
  bodyBytes: Buffer.byteLength(message.Body ?? ''),
});

/**
 * Lists up to `max` messages of a DLQ without consuming them: each is
 * received (hidden for a short while so the next receive returns others)
 * and released again at the end. Receiving raises SQS's receive count,
 * as the console's own "poll for messages" does.
 *
 * @param sqs - the SQS client
 * @param dlq - the dead-letter queue
 * @param max - most messages to return (default 100)
 */
const peekDeadLetters = async (
  sqs: SQSClient,
  dlq: QueueRef,
  max = 100,
): Promise<DeadLetter[]> => {
  const seen = new Map<string, Message>();
  const handles: string[] = [];
  try {
    while (seen.size < max) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: dlq.url,
          MaxNumberOfMessages: Math.min(10, max - seen.size),
          VisibilityTimeout: PEEK_VISIBILITY_SECONDS,
          // A long poll asks every SQS host; a short one may answer empty
          // while messages wait elsewhere.
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) break;
      for (const message of Messages) {
        if (message.ReceiptHandle !== undefined) {
          handles.push(message.ReceiptHandle);
        }
        if (message.MessageId !== undefined) {
          seen.set(message.MessageId, message);
        }
      }
    }
  } finally {
    await release(sqs, dlq, handles);
  }

  return [...seen.values()].map(toDeadLetter);
};

/** Makes peeked messages visible again at once. */
const release = async (
  sqs: SQSClient,
  dlq: QueueRef,
  handles: readonly string[],
): Promise<void> => {
  for (let start = 0; start < handles.length; start += 10) {
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: dlq.url,
        Entries: handles.slice(start, start + 10).map((handle, index) => ({
          Id: String(start + index),
          ReceiptHandle: handle,
          VisibilityTimeout: 0,
        })),
      }),
    );
  }
};

export type { DeadLetter };
export { peekDeadLetters, REDRIVEN_FROM_ATTRIBUTE, toDeadLetter };
