import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUS_RULES,
  deadLetterQueueName,
  RESOURCE_NAMES,
  SOURCES,
  sourceQueueName,
} from '../../packages/core/src/topology';
import { ARCHIVE_RETENTION_DAYS } from '../../stacks/Messaging';
import { resourceName } from '../../stacks/resourceName';
import {
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

const FOURTEEN_DAYS_SECONDS = 14 * 24 * 60 * 60;

/** Logical id of the queue with the given base name in the test stage. */
const queueId = (template: Template, base: string): string => {
  const queues = template.findResources('AWS::SQS::Queue', {
    Properties: { QueueName: resourceName(TEST_STAGE, base) },
  });
  const ids = Object.keys(queues);
  expect(ids).toHaveLength(1);

  return ids[0] ?? '';
};

describe('Messaging stack', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('gives every source one encrypted queue and DLQ with its redrive', () => {
    const template = stacks.Messaging;

    for (const source of Object.values(SOURCES)) {
      const name = sourceQueueName(source.id);
      const dlq = queueId(template, deadLetterQueueName(name));

      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: resourceName(TEST_STAGE, name),
        KmsMasterKeyId: Match.anyValue(),
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] },
          maxReceiveCount: source.queue.maxReceiveCount,
        },
      });
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: resourceName(TEST_STAGE, deadLetterQueueName(name)),
        KmsMasterKeyId: Match.anyValue(),
        MessageRetentionPeriod: FOURTEEN_DAYS_SECONDS,
      });
    }
  });

  it('sets each source queue visibility to at least six adapter timeouts', () => {
    const template = stacks.Messaging;

    for (const source of Object.values(SOURCES)) {
      const queues = template.findResources('AWS::SQS::Queue', {
        Properties: {
          QueueName: resourceName(TEST_STAGE, sourceQueueName(source.id)),
        },
      });
      const [queue] = Object.values(queues);

      expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * source.adapter.timeoutSeconds,
      );
    }
  });

  it('subscribes each source queue raw with a filter on its source id', () => {
    const template = stacks.Messaging;

    // One per source, plus the SES feedback queue on the feedback topic.
    template.resourceCountIs(
      'AWS::SNS::Subscription',
      Object.keys(SOURCES).length + 1,
    );
    for (const source of Object.values(SOURCES)) {
      const queue = queueId(template, sourceQueueName(source.id));

      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': [queue, 'Arn'] },
        RawMessageDelivery: true,
        FilterPolicy: { source: [source.id] },
      });
    }
  });

  it('encrypts the requests topic with the messaging key', () => {
    const template = stacks.Messaging;

    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: resourceName(TEST_STAGE, RESOURCE_NAMES.requestsTopic),
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it('archives every event of the bus for a year', () => {
    const template = stacks.Messaging;
    const [busId] = Object.keys(
      template.findResources('AWS::Events::EventBus', {
        Properties: { Name: resourceName(TEST_STAGE, RESOURCE_NAMES.bus) },
      }),
    );

    template.hasResourceProperties('AWS::Events::Archive', {
      ArchiveName: resourceName(TEST_STAGE, RESOURCE_NAMES.archive),
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      RetentionDays: ARCHIVE_RETENTION_DAYS,
      EventPattern: Match.absent(),
    });
  });

  it('routes each bus rule pattern to its target queue', () => {
    const template = stacks.Messaging;

    template.resourceCountIs('AWS::Events::Rule', BUS_RULES.length);
    for (const rule of BUS_RULES) {
      const target = queueId(template, rule.target);

      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: rule.pattern,
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [target, 'Arn'] } })],
      });
    }
  });

  it('sends SES bounces and complaints to the feedback topic', () => {
    const template = stacks.Messaging;
    const [topicId] = Object.keys(
      template.findResources('AWS::SNS::Topic', {
        Properties: { TopicName: resourceName(TEST_STAGE, 'ses-feedback') },
      }),
    );

    template.hasResourceProperties(
      'AWS::SES::ConfigurationSetEventDestination',
      {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: { Ref: topicId } },
        },
      },
    );
  });

  it('rotates the messaging key and lets delivering services use it', () => {
    const template = stacks.Messaging;
    const services = [
      'sns.amazonaws.com',
      'events.amazonaws.com',
      'ses.amazonaws.com',
      'cloudwatch.amazonaws.com',
    ];

    const [key] = Object.values(
      template.findResources('AWS::KMS::Key', {
        Properties: { EnableKeyRotation: true },
      }),
    );
    const statements = (key?.Properties.KeyPolicy.Statement ?? []) as {
      Principal: { Service?: string | string[] };
      Action: string | string[];
    }[];
    const allowed = statements
      .filter((statement) => [statement.Action].flat().includes('kms:Decrypt'))
      .flatMap((statement) => [statement.Principal.Service ?? []].flat());

    expect(allowed).toEqual(expect.arrayContaining(services));
  });
});
