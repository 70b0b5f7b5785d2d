import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { type StackContext, use } from 'sst/constructs';
import { Messaging } from './Messaging';
import { resourceName } from './resourceName';
import { Workers } from './Workers';

/** A source queue's oldest message older than this means work is stuck. */
const OLDEST_MESSAGE_ALARM_SECONDS = 30 * 60;

const PERIOD = Duration.minutes(5);

/**
 * Alarms of the tier: any message in a DLQ, a source queue falling behind,
 * and errors or throttles of any function, all sent to one topic.
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
  const alarmAbove = (
    id: string,
    metric: cloudwatch.Metric,
    threshold: number,
    description: string,
  ): void => {
    const alarm = new cloudwatch.Alarm(stack, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(notify);
  };

  const deadLetterQueues: Record<string, sqs.Queue> = {
    notifications: messaging.notifications.deadLetterQueue,
    'container-events': messaging.containerEvents.deadLetterQueue,
  };
  for (const [source, pair] of Object.entries(messaging.sourceQueues)) {
    deadLetterQueues[source] = pair.deadLetterQueue;
    alarmAbove(
      `oldest-message-${source}`,
      pair.queue.metricApproximateAgeOfOldestMessage({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      OLDEST_MESSAGE_ALARM_SECONDS,
      `Queue of ${source} has a message older than 30 minutes`,
    );
  }
  for (const [name, queue] of Object.entries(deadLetterQueues)) {
    alarmAbove(
      `dead-letters-${name}`,
      queue.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      0,
      `DLQ of ${name} holds messages: inspect the reason, fix, redrive`,
    );
  }

  const functions: Record<string, lambda.IFunction> = {
    sweep: workers.sweep,
    'leie-refresh': workers.leieRefresh,
    notifier: workers.notifier,
    ...workers.adapters,
  };
  for (const [name, fn] of Object.entries(functions)) {
    const sum = { period: PERIOD, statistic: 'Sum' };
    alarmAbove(
      `errors-${name}`,
      fn.metricErrors(sum),
      0,
      `Function ${name} reported errors`,
    );
    alarmAbove(
      `throttles-${name}`,
      fn.metricThrottles(sum),
      0,
      `Function ${name} was throttled`,
    );
  }

  return { alarmTopic };
}

export { Alarms };
