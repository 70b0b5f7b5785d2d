import { randomBytes } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import {
  awsClientConfig,
  type LocalAwsClientConfig,
} from '../../packages/local/src/emulator/awsClientConfig';
import {
  type AwsClients,
  createAwsClients,
} from '../../packages/local/src/emulator/createAwsClients';

/** Base URL of the moto_server started by the global setup. */
const motoEndpoint = (): string => inject('motoEndpoint');

/**
 * A resource-name prefix no other test uses, e.g. `poller-dlq-3fa9c1`:
 * lower case, at most 32 characters, safe in queue and bucket names.
 */
const uniquePrefix = (name: string): string => {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');

  return `${slug || 't'}-${randomBytes(3).toString('hex')}`;
};

/** SDK v3 client configuration pointing at the shared moto_server. */
const motoClientConfig = (): LocalAwsClientConfig =>
  awsClientConfig(motoEndpoint());

/** Every local AWS client, pointing at the shared moto_server. */
const motoClients = (): AwsClients => createAwsClients(motoEndpoint());

/**
 * Receives what a queue holds right now (up to 10, long poll `waitSeconds`),
 * with every attribute; messages stay on the queue until deleted.
 */
const receiveMessages = async (
  sqs: SQSClient,
  queueUrl: string,
  waitSeconds = 1,
): Promise<Message[]> => {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitSeconds,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
    }),
  );

  return Messages ?? [];
};

/** Visible + in-flight + delayed messages of a queue. */
const queueDepth = async (
  sqs: SQSClient,
  queueUrl: string,
): Promise<number> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );

  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0)
  );
};

export {
  motoClientConfig,
  motoClients,
  motoEndpoint,
  queueDepth,
  receiveMessages,
  uniquePrefix,
};
