import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  SetSubscriptionAttributesCommand,
  type SNSClient,
  SubscribeCommand,
  type Subscription,
} from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SourceId } from '../../../core/src/topology';
import { setQueuePolicy } from './ensureQueuePair';
import { ProvisionError } from './errors';
import type { QueueResources } from './localResources';
import { queuePolicy } from './queuePolicy';

/** Inputs of {@link provisionRequestsTopic}. */
interface RequestsTopicSpec {
  sns: SNSClient;
  sqs: SQSClient;
  topicName: string;
  sourceQueues: Record<SourceId, QueueResources>;
}

const listSubscriptions = async (
  sns: SNSClient,
  topicArn: string,
): Promise<Subscription[]> => {
  const found: Subscription[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }),
    );
    found.push(...(page.Subscriptions ?? []));
    NextToken = page.NextToken;
  } while (NextToken);

  return found;
};

/**
 * Creates the requests topic and subscribes each source's queue with raw
 * delivery and a filter policy on the `source` message attribute, so a
 * request reaches only its own source's adapter.
 */
const provisionRequestsTopic = async (
  spec: RequestsTopicSpec,
): Promise<string> => {
  const { sns, sqs } = spec;
  const { TopicArn: topicArn } = await sns.send(
    new CreateTopicCommand({ Name: spec.topicName }),
  );
  if (topicArn === undefined) {
    throw new ProvisionError(`SNS returned no ARN for ${spec.topicName}`, {
      context: { topic: spec.topicName },
    });
  }
  const existing = await listSubscriptions(sns, topicArn);

  for (const [source, queue] of Object.entries(spec.sourceQueues)) {
    const attributes = {
      RawMessageDelivery: 'true',
      FilterPolicyScope: 'MessageAttributes',
      FilterPolicy: JSON.stringify({ source: [source] }),
    };
    await setQueuePolicy(
      sqs,
      queue.url,
      queuePolicy(queue.arn, 'sns.amazonaws.com', [topicArn]),
    );

    const current = existing.find(
      (s) => s.Protocol === 'sqs' && s.Endpoint === queue.arn,
    );
    if (current?.SubscriptionArn === undefined) {
      await sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'sqs',
          Endpoint: queue.arn,
          Attributes: attributes,
          ReturnSubscriptionArn: true,
        }),
      );
      continue;
    }
    // Re-runs converge an existing subscription instead of failing on
    // "already exists with different attributes".
    for (const [AttributeName, AttributeValue] of Object.entries(attributes)) {
      await sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn: current.SubscriptionArn,
          AttributeName,
          AttributeValue,
        }),
      );
    }
  }

  return topicArn;
};

export type { RequestsTopicSpec };
export { provisionRequestsTopic };
