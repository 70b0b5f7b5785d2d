import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A DLQ message with its body, as the chaos check reads it. */
interface DeadLetterBody {
  queue: string;
  messageId: string;
  body: string;
}

/**
 * Reads every message of the given DLQs with its body. Each is hidden for
 * a minute, not deleted, so the run's own counts still see it.
 */
const readDeadLetters = async (
  sqs: SQSClient,
  dlqUrls: readonly string[],
): Promise<DeadLetterBody[]> => {
  const letters: DeadLetterBody[] = [];
  for (const url of dlqUrls) {
    const queue = url.slice(url.lastIndexOf('/') + 1);
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 60,
        }),
      );
      if (Messages.length === 0) break;
      for (const message of Messages) {
        letters.push({
          queue,
          messageId: message.MessageId ?? '',
          body: message.Body ?? '',
        });
      }
    }
  }

  return letters;
};

export type { DeadLetterBody };
export { readDeadLetters };
