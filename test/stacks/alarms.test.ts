import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_METRIC } from '../../packages/core/src/cadence/coverageMetric';
import { FUNCTIONS, SOURCES } from '../../packages/core/src/topology';
import { OLDEST_MESSAGE_ALARM_SECONDS } from '../../stacks/Alarms';
import {
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

/** Names of the Messaging stack's queues, DLQs apart from work queues. */
const queueNames = (stacks: StackTemplates) => {
  const names = Object.values(
    stacks.Messaging.findResources('AWS::SQS::Queue'),
  ).map((queue) => String(queue.Properties.QueueName));

  return {
    work: names.filter((name) => !name.endsWith('-dlq')),
    dead: names.filter((name) => name.endsWith('-dlq')),
  };
};

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

    expect(Object.keys(alarms)).toHaveLength(queueNames(stacks).dead.length);
    expect(queueNames(stacks).dead.length).toBeGreaterThan(
      Object.keys(SOURCES).length,
    );
  });

  it('alarms on the age of the oldest message of every work queue', () => {
    const template = stacks.Alarms;

    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: {
        MetricName: 'ApproximateAgeOfOldestMessage',
        Threshold: OLDEST_MESSAGE_ALARM_SECONDS,
      },
    });

    expect(Object.keys(alarms)).toHaveLength(queueNames(stacks).work.length);
  });

  it('alarms when the sweep has not run for 30 minutes, data or not', () => {
    const template = stacks.Alarms;

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      Statistic: 'Sum',
      Period: 1800,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: {
            'Fn::ImportValue': Match.stringLikeRegexp('Workers.*sweep'),
          },
        },
      ],
    });
  });

  it('alarms when the coverage job counts any overdue check of the stage', () => {
    const template = stacks.Alarms;

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: COVERAGE_METRIC.namespace,
      MetricName: COVERAGE_METRIC.metricName,
      Dimensions: [{ Name: COVERAGE_METRIC.stageDimension, Value: TEST_STAGE }],
      Period: 86_400,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarms when the daily coverage job did not run for a day', () => {
    stacks.Alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: {
            'Fn::ImportValue': Match.stringLikeRegexp('Workers.*coverage'),
          },
        },
      ],
    });
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
