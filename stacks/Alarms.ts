import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { type StackContext, use } from 'sst/constructs';
import { COVERAGE_METRIC } from '../packages/core/src/cadence/coverageMetric';
import { Messaging } from './Messaging';
import type { QueuePair } from './queueWithDeadLetter';
import { resourceName } from './resourceName';
import { Workers } from './Workers';

/** A queue's oldest message older than this means work is stuck. */
const OLDEST_MESSAGE_ALARM_SECONDS = 30 * 60;

/**
 * The sweep runs every 15 minutes; no invocation in a 30-minute window
 * means at least one run was missed (schedule disabled, function deleted,
 * EventBridge trouble). No data at all counts as missed.
 */
const SWEEP_WINDOW = Duration.minutes(30);

const PERIOD = Duration.minutes(5);

/**
 * The coverage job runs daily: the overdue alarm judges the last day's
 * datum, and a day without a run counts as missed.
 */
const COVERAGE_PERIOD = Duration.days(1);

const kebab = (name: string): string =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const isQueuePair = (value: unknown): value is QueuePair =>
  typeof value === 'object' &&
  value !== null &&
  'queue' in value &&
  'deadLetterQueue' in value;

/** Every queue with a DLQ in Messaging, by a stable alarm name. */
const queuePairsOf = (
  messaging: ReturnType<typeof Messaging>,
): Record<string, QueuePair> => {
  const pairs: Record<string, QueuePair> = { ...messaging.sourceQueues };
  for (const [name, value] of Object.entries(messaging)) {
    if (isQueuePair(value)) pairs[kebab(name)] = value;
  }

  return pairs;
};

/** Every function of Workers (adapters by source id), by alarm name. */
const functionsOf = (
  workers: ReturnType<typeof Workers>,
): Record<string, lambda.IFunction> => {
  const functions: Record<string, lambda.IFunction> = {};
  for (const [name, value] of Object.entries(workers)) {
    if (value instanceof lambda.Function) {
      functions[kebab(name)] = value;
    } else if (name === 'adapters') {
      Object.assign(functions, value);
    }
  }

  return functions;
};

/**
 * Alarms of the tier, all sent to one topic: any message in a DLQ, a queue
 * falling behind, errors or throttles of any function, a missed sweep, and
 * checks past their compliance window (a metric the coverage job emits).
 */
function Alarms({ app, stack }: StackContext) {
  const messaging = use(Messaging);
  const workers = use(Workers);
  const alarmTopic = new sns.Topic(stack, 'AlarmTopic', {
    topicName: resourceName(app.stage, 'alarms'),
    masterKey: messaging.key,
    enforceSSL: true,
  });
  const notify = new actions.SnsAction(alarmTopic);
  const alarm = (
    id: string,
    props: Omit<cloudwatch.AlarmProps, 'evaluationPeriods'>,
  ): void => {
    new cloudwatch.Alarm(stack, id, {
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    }).addAlarmAction(notify);
  };

  for (const [name, pair] of Object.entries(queuePairsOf(messaging))) {
    alarm(`dead-letters-${name}`, {
      metric: pair.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      threshold: 0,
      alarmDescription: `DLQ of ${name} holds messages: pnpm rovn dlq list, fix, pnpm rovn dlq redrive`,
    });
    alarm(`oldest-message-${name}`, {
      metric: pair.queue.metricApproximateAgeOfOldestMessage({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      threshold: OLDEST_MESSAGE_ALARM_SECONDS,
      alarmDescription: `Queue of ${name} has a message older than 30 minutes`,
    });
  }

  for (const [name, fn] of Object.entries(functionsOf(workers))) {
    const sum = { period: PERIOD, statistic: 'Sum' };
    alarm(`errors-${name}`, {
      metric: fn.metricErrors(sum),
      threshold: 0,
      alarmDescription: `Function ${name} reported errors`,
    });
    alarm(`throttles-${name}`, {
      metric: fn.metricThrottles(sum),
      threshold: 0,
      alarmDescription: `Function ${name} was throttled`,
    });
  }

  alarm('sweep-missed', {
    metric: workers.sweep.metricInvocations({
      period: SWEEP_WINDOW,
      statistic: 'Sum',
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    alarmDescription:
      'The sweep did not run in the last 30 minutes: check its schedule rule and function',
  });

  // The daily coverage-report job emits this metric.
  alarm('coverage-overdue', {
    metric: new cloudwatch.Metric({
      namespace: COVERAGE_METRIC.namespace,
      metricName: COVERAGE_METRIC.metricName,
      dimensionsMap: { [COVERAGE_METRIC.stageDimension]: app.stage },
      period: COVERAGE_PERIOD,
      statistic: 'Maximum',
    }),
    threshold: 0,
    alarmDescription:
      'Checks are past their compliance window: see the coverage report',
  });

  alarm('coverage-missed', {
    metric: workers.coverageReport.metricInvocations({
      period: COVERAGE_PERIOD,
      statistic: 'Sum',
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    alarmDescription:
      'The coverage report did not run in the last day: check its schedule rule and function',
  });

  return { alarmTopic };
}

export { Alarms, OLDEST_MESSAGE_ALARM_SECONDS };
