import { ListIdentitiesCommand, SendEmailCommand } from '@aws-sdk/client-ses';
import {
  ListSubscriptionsByTopicCommand,
  PublishCommand,
} from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ListQueuesCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_IDS, SOURCES } from '../../../packages/core/src/topology';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import {
  motoClients,
  motoEndpoint,
  queueDepth,
  receiveMessages,
  uniquePrefix,
} from '../../helpers/moto';

const clients = motoClients();

const requestBody = (checkId: string) =>
  JSON.stringify({ type: 'verification.requested', checkId });

const publishRequest = (
  resources: LocalResources,
  source: string,
  checkId: string,
) =>
  clients.sns.send(
    new PublishCommand({
      TopicArn: resources.topicArn,
      Message: requestBody(checkId),
      MessageAttributes: {
        source: { DataType: 'String', StringValue: source },
      },
    }),
  );

describe('provisionTopology', () => {
  const prefix = uniquePrefix('provision');
  let resources: LocalResources;

  beforeAll(async () => {
    resources = await provisionTopology({ endpoint: motoEndpoint(), prefix });
  });

  afterAll(() => clients.destroy());

  it('creates a queue and a DLQ per source under the prefix', async () => {
    const { QueueUrls = [] } = await clients.sqs.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix }),
    );

    const names = QueueUrls.map((url) => url.split('/').pop()).sort();

    expect(names).toEqual(
      [
        ...SOURCE_IDS.flatMap((id) => [
          `${prefix}-verify-${id}`,
          `${prefix}-verify-${id}-dlq`,
        ]),
        `${prefix}-notifications`,
        `${prefix}-notifications-dlq`,
        `${prefix}-container-events`,
        `${prefix}-container-events-dlq`,
        `${prefix}-email-feedback`,
        `${prefix}-email-feedback-dlq`,
      ].sort(),
    );
  });

  it('redrives each source queue to its DLQ after the topology budget', async () => {
    const queue = resources.queues.nppes;

    const { Attributes = {} } = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'],
      }),
    );

    expect(JSON.parse(Attributes.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: queue.dlqArn,
      maxReceiveCount: SOURCES.nppes.queue.maxReceiveCount,
    });
    expect(Attributes.VisibilityTimeout).toBe('5');
  });

  it('delivers a request with source=nppes raw to the nppes queue only', async () => {
    await publishRequest(resources, 'nppes', 'chk-nppes-1');

    const received = await receiveMessages(
      clients.sqs,
      resources.queues.nppes.url,
    );
    const leieDepth = await queueDepth(
      clients.sqs,
      resources.queues['oig-leie'].url,
    );

    expect(received).toHaveLength(1);
    expect(received[0]?.Body).toBe(requestBody('chk-nppes-1'));
    expect(received[0]?.MessageAttributes?.source?.StringValue).toBe('nppes');
    expect(leieDepth).toBe(0);
  });

  it('drops a request whose source no queue subscribes to', async () => {
    const before = await Promise.all(
      SOURCE_IDS.map((id) => queueDepth(clients.sqs, resources.queues[id].url)),
    );

    await publishRequest(resources, 'npdb', 'chk-npdb-1');

    const after = await Promise.all(
      SOURCE_IDS.map((id) => queueDepth(clients.sqs, resources.queues[id].url)),
    );
    expect(after).toEqual(before);
  });

  it('gives the same resources and subscriptions when run again', async () => {
    const again = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix,
    });

    const { Subscriptions = [] } = await clients.sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: again.topicArn }),
    );

    expect(again).toEqual(resources);
    expect(Subscriptions).toHaveLength(SOURCE_IDS.length);
  });

  it('verifies the sender so the notifier can send with its configuration set', async () => {
    const { Identities = [] } = await clients.ses.send(
      new ListIdentitiesCommand({}),
    );

    const sent = await clients.ses.send(
      new SendEmailCommand({
        Source: resources.sesFrom,
        Destination: { ToAddresses: ['ada.example@example.org'] },
        ConfigurationSetName: resources.configurationSet,
        Message: {
          Subject: { Data: 'Provisioning check' },
          Body: { Text: { Data: 'Made-up notice.' } },
        },
      }),
    );

    expect(Identities).toEqual(
      expect.arrayContaining([resources.sesFrom, resources.sesDomain]),
    );
    expect(sent.MessageId).toBeTruthy();
  });

  it('refuses a prefix that would make an invalid bucket name', async () => {
    const act = provisionTopology({ endpoint: motoEndpoint(), prefix: 'Bad_' });

    await expect(act).rejects.toThrow(/prefix "Bad_" is invalid/);
  });
});
