import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ResourceNotFoundError } from './errors';

/** A queue found by name. */
interface QueueRef {
  name: string;
  url: string;
}

const MISSING_QUEUE_CODES = new Set([
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
]);

/**
 * Looks a queue up by name; a missing queue is a `ResourceNotFoundError`
 * that tells the operator what to check.
 *
 * @param sqs - the SQS client of the target account or emulator
 * @param name - the queue's physical name
 */
const resolveQueue = async (
  sqs: SQSClient,
  name: string,
): Promise<QueueRef> => {
  try {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: name }),
    );
    if (QueueUrl !== undefined) return { name, url: QueueUrl };
  } catch (error) {
    if (!(error instanceof Error && MISSING_QUEUE_CODES.has(error.name))) {
      throw error;
    }
  }

  throw new ResourceNotFoundError(
    `Queue ${name} does not exist: check --stage (or --prefix) and that the stack is deployed or the local topology provisioned`,
    { context: { queue: name } },
  );
};

export type { QueueRef };
export { resolveQueue };
