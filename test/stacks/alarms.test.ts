import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SOURCES } from '../../packages/core/src/topology';
import { type StackTemplates, synthStacks } from '../helpers/synthStacks';

/** Queues whose DLQ must alarm: one per source plus the two bus queues. */
const DLQ_COUNT = Object.keys(SOURCES).length + 2;

const FUNCTION_COUNT =
  Object.keys(FUNCTIONS).length + Object.keys(SOURCES).length;

describe('Alarms stack', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('alarms on any visible message in every DLQ', () => {
    const template = stacks.Alarms;

    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      },
    });

    expect(Object.keys(alarms)).toHaveLength(DLQ_COUNT);
  });

  it('alarms on the age of the oldest message of every source queue', () => {
    const template = stacks.Alarms;

    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'ApproximateAgeOfOldestMessage' },
    });

    expect(Object.keys(alarms)).toHaveLength(Object.keys(SOURCES).length);
  });

  it('alarms on errors and throttles of every function', () => {
    const template = stacks.Alarms;

    const count = (metric: string): number =>
      Object.keys(
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: { MetricName: metric, Namespace: 'AWS/Lambda' },
        }),
      ).length;

    expect([count('Errors'), count('Throttles')]).toEqual([
      FUNCTION_COUNT,
      FUNCTION_COUNT,
    ]);
  });

  it('sends every alarm to the alarm topic', () => {
    const template = stacks.Alarms;
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));

    const alarms = Object.values(
      template.findResources('AWS::CloudWatch::Alarm'),
    );

    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: Match.anyValue(),
    });
  });
});
