import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { awsClientConfig } from './awsClientConfig';

/** One SDK v3 client per service the local stack talks to. */
interface AwsClients {
  sqs: SQSClient;
  sns: SNSClient;
  s3: S3Client;
  eventBridge: EventBridgeClient;
  ses: SESClient;
  kms: KMSClient;
  cloudWatch: CloudWatchClient;
  /** Closes every client's sockets so the process can exit. */
  destroy(): void;
}

/** Builds every local AWS client against the emulator at `endpoint`. */
const createAwsClients = (endpoint: string): AwsClients => {
  const config = awsClientConfig(endpoint);
  const clients = {
    sqs: new SQSClient(config),
    sns: new SNSClient(config),
    s3: new S3Client(config),
    eventBridge: new EventBridgeClient(config),
    ses: new SESClient(config),
    kms: new KMSClient(config),
    cloudWatch: new CloudWatchClient(config),
  };

  return {
    ...clients,
    destroy: () => {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
};

export type { AwsClients };
export { createAwsClients };
