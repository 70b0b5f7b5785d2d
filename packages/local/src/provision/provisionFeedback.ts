import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  type SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { setQueuePolicy } from './ensureQueuePair';
import { ProvisionError } from './errors';
import type { QueueResources } from './localResources';
import { queuePolicy } from './queuePolicy';

/** Inputs of {@link provisionFeedback}. */
interface FeedbackSpec {
  sns: SNSClient;
  sqs: SQSClient;
  topicName: string;
  queue: QueueResources;
}

/**
 * Creates the SES feedback topic and subscribes the feedback queue to it
 * with raw delivery, as the Messaging stack does. Returns the topic ARN.
 *
 * Note: the emulator's configuration sets publish no events, and its
 * identity notifications are global (not per prefix), so nothing here
 * makes moto itself publish feedback; tests and demos publish to the
 * topic in either SES shape.
 */
const provisionFeedback = async (spec: FeedbackSpec): Promise<string> => {
  const { sns, sqs, queue } = spec;
  const { TopicArn: topicArn } = await sns.send(
    new CreateTopicCommand({ Name: spec.topicName }),
  );
  if (topicArn === undefined) {
    throw new ProvisionError(`SNS returned no ARN for ${spec.topicName}`, {
      context: { topic: spec.topicName },
    });
  }
  await setQueuePolicy(
    sqs,
    queue.url,
    queuePolicy(queue.arn, 'sns.amazonaws.com', [topicArn]),
  );

  const { Subscriptions = [] } = await sns.send(
    new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }),
  );
  if (!Subscriptions.some((s) => s.Endpoint === queue.arn)) {
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: queue.arn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
  }

  return topicArn;
};

export type { FeedbackSpec };
export { provisionFeedback };
