import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, RESOURCE_NAMES } from '../../packages/core/src/topology';
import { SES_FEEDBACK_QUEUE } from '../../stacks/queueSettings';
import { resourceName } from '../../stacks/resourceName';
import {
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

/** Logical id of the one resource of a type with a given name property. */
const idOf = (
  template: StackTemplates['Messaging'],
  type: string,
  properties: Record<string, unknown>,
): string => {
  const ids = Object.keys(
    template.findResources(type, { Properties: properties }),
  );
  expect(ids).toHaveLength(1);

  return ids[0] ?? '';
};

describe('SES feedback and notices in the stacks', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('feeds the feedback topic, raw, to a queue with a DLQ', () => {
    const template = stacks.Messaging;
    const topic = idOf(template, 'AWS::SNS::Topic', {
      TopicName: resourceName(TEST_STAGE, RESOURCE_NAMES.sesFeedbackTopic),
    });
    const queue = idOf(template, 'AWS::SQS::Queue', {
      QueueName: resourceName(TEST_STAGE, RESOURCE_NAMES.sesFeedbackQueue),
    });

    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      TopicArn: { Ref: topic },
      Endpoint: { 'Fn::GetAtt': [queue, 'Arn'] },
      RawMessageDelivery: true,
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: resourceName(TEST_STAGE, RESOURCE_NAMES.sesFeedbackQueue),
      RedrivePolicy: Match.objectLike({
        maxReceiveCount: SES_FEEDBACK_QUEUE.maxReceiveCount,
      }),
    });
  });

  it('sends bounces and complaints to the topic and counts every event', () => {
    const template = stacks.Messaging;

    template.hasResourceProperties(
      'AWS::SES::ConfigurationSetEventDestination',
      {
        EventDestination: Match.objectLike({
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: Match.anyValue(),
        }),
      },
    );
    template.hasResourceProperties(
      'AWS::SES::ConfigurationSetEventDestination',
      {
        EventDestination: Match.objectLike({
          MatchingEventTypes: Match.arrayWith(['delivery', 'renderingFailure']),
          CloudWatchDestination: {
            DimensionConfigurations: [
              Match.objectLike({
                DimensionName: 'notice_kind',
                DimensionValueSource: 'messageTag',
              }),
            ],
          },
        }),
      },
    );
  });

  it('runs the feedback handler on the feedback queue', () => {
    const template = stacks.Workers;
    const fn = Object.keys(
      template.findResources('AWS::Lambda::Function'),
    ).find((id) => id.startsWith(FUNCTIONS.sesFeedback.id.replace(/-/g, '')));

    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn },
      BatchSize: SES_FEEDBACK_QUEUE.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets exactly the notifier and the expiry notices job send email', () => {
    const template = stacks.Workers;
    const statements = Object.values(
      template.findResources('AWS::IAM::Policy'),
    ).flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: unknown }[],
    );
    const senders = statements.filter(
      (statement) =>
        JSON.stringify(statement.Action) ===
        JSON.stringify(['ses:SendEmail', 'ses:SendRawEmail']),
    );

    expect(senders).toHaveLength(2);
  });
});
