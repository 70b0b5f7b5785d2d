import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { ProvisionError } from './errors';
import { isAwsError } from './isAwsError';
import type { QueueResources } from './localResources';

/** What one queue and its DLQ should look like. */
interface QueuePairSpec {
  queue: string;
  dlq: string;
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the DLQ. */
  maxReceiveCount: number;
}

// The SQS maximum: a DLQ is read by people, possibly days later.
const DLQ_RETENTION_SECONDS = 1_209_600;

const ensureQueue = async (
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> => {
  // Look up first, then converge attributes: CreateQueue refuses an
  // existing name whose attributes differ, which would break re-runs.
  let url: string | undefined;
  try {
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name })))
      .QueueUrl;
  } catch (error) {
    if (
      !isAwsError(
        error,
        'QueueDoesNotExist',
        'AWS.SimpleQueueService.NonExistentQueue',
      )
    ) {
      throw error;
    }
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name })))
      .QueueUrl;
  }
  if (url === undefined) {
    throw new ProvisionError(`SQS returned no URL for queue ${name}`, {
      context: { queue: name },
    });
  }

  await sqs.send(
    new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['QueueArn'],
    }),
  );
  const arn = Attributes?.QueueArn;
  if (arn === undefined) {
    throw new ProvisionError(`SQS returned no ARN for queue ${name}`, {
      context: { queue: name },
    });
  }

  return { url, arn };
};

/** Creates (or updates) a queue and its DLQ, wired by a redrive policy. */
const ensureQueuePair = async (
  sqs: SQSClient,
  spec: QueuePairSpec,
): Promise<QueueResources> => {
  const dlq = await ensureQueue(sqs, spec.dlq, {
    MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
  });
  const queue = await ensureQueue(sqs, spec.queue, {
    VisibilityTimeout: String(spec.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: dlq.arn,
      maxReceiveCount: spec.maxReceiveCount,
    }),
  });

  return { url: queue.url, arn: queue.arn, dlqUrl: dlq.url, dlqArn: dlq.arn };
};

/** Replaces a queue's access policy. */
const setQueuePolicy = async (
  sqs: SQSClient,
  queueUrl: string,
  policy: string,
): Promise<void> => {
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { Policy: policy },
    }),
  );
};

export type { QueuePairSpec };
export { ensureQueuePair, setQueuePolicy };
