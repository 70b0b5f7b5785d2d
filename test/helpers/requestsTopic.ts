import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { AwsClients } from '../../packages/local/src/emulator/createAwsClients';

/** A requests topic with one raw-delivery SQS queue subscribed. */
interface RequestsTopic {
  topicArn: string;
  queueUrl: string;
}

/** Creates a topic and a queue named after `prefix` and subscribes one. */
const createRequestsTopic = async (
  clients: Pick<AwsClients, 'sns' | 'sqs'>,
  prefix: string,
): Promise<RequestsTopic> => {
  const { TopicArn } = await clients.sns.send(
    new CreateTopicCommand({ Name: `${prefix}-requests` }),
  );
  const { QueueUrl } = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: `${prefix}-requests` }),
  );
  if (TopicArn === undefined || QueueUrl === undefined) {
    throw new Error(`moto created no topic or queue for ${prefix}`);
  }
  const { Attributes } = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  await clients.sns.send(
    new SubscribeCommand({
      TopicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );

  return { topicArn: TopicArn, queueUrl: QueueUrl };
};

/**
 * Takes every request off the queue and returns its check id, one entry
 * per message. It stops after two empty receives in a row. moto answers a
 * receive in a few hundred milliseconds: keep the queues of tests small.
 */
const receiveCheckIds = async (
  clients: Pick<AwsClients, 'sqs'>,
  queueUrl: string,
): Promise<string[]> => {
  const ids: string[] = [];
  let empty = 0;
  while (empty < 2) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: empty === 0 ? 0 : 1,
      }),
    );
    empty = Messages.length === 0 ? empty + 1 : 0;
    if (Messages.length === 0) continue;
    for (const message of Messages) {
      ids.push(
        (JSON.parse(message.Body ?? '{}') as { checkId: string }).checkId,
      );
    }
    await clients.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({
          Id: `d${i}`,
          ReceiptHandle: m.ReceiptHandle,
        })),
      }),
    );
  }

  return ids;
};

export type { RequestsTopic };
export { createRequestsTopic, receiveCheckIds };
