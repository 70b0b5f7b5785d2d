import { RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StackContext } from 'sst/constructs';
import {
  BUS_RULES,
  RESOURCE_NAMES,
  SOURCES,
  type SourceId,
  sourceQueueName,
  visibilityTimeoutFor,
} from '../packages/core/src/topology';
import {
  CONTAINER_QUEUE,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_VISIBILITY_SECONDS,
  SES_FEEDBACK_QUEUE,
  SES_FEEDBACK_VISIBILITY_SECONDS,
} from './queueSettings';
import { type QueuePair, queueWithDeadLetter } from './queueWithDeadLetter';
import { resourceName } from './resourceName';

/** How long the bus archive keeps events for replay. */
const ARCHIVE_RETENTION_DAYS = 365;

/**
 * Services that publish into this tier's encrypted topics. CDK already
 * lets SNS (subscriptions) and EventBridge (rule targets) use the key.
 */
const KEY_USING_SERVICES = ['ses.amazonaws.com', 'cloudwatch.amazonaws.com'];

const createMessagingKey = (
  scope: StackContext['stack'],
  stage: string,
): kms.Key => {
  const key = new kms.Key(scope, 'MessagingKey', {
    description: `Passport ${stage}: topics and queues`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // SES feedback and CloudWatch alarms publish into topics encrypted with
  // this key, so the key policy must let them. No source condition: not
  // every service sends one to KMS, and only this account can name the key.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowDeliveringServices',
      principals: KEY_USING_SERVICES.map((s) => new iam.ServicePrincipal(s)),
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );

  return key;
};

/** Maps core's pattern (CloudFormation spelling) to the CDK props. */
const toEventPattern = (
  pattern: (typeof BUS_RULES)[number]['pattern'],
): events.EventPattern => ({
  source: [...pattern.source],
  detailType: [...pattern['detail-type']],
  ...('detail' in pattern ? { detail: pattern.detail } : {}),
});

const createBus = (
  scope: StackContext['stack'],
  stage: string,
  ruleTargets: Record<(typeof BUS_RULES)[number]['target'], QueuePair>,
): events.EventBus => {
  const bus = new events.EventBus(scope, 'PassportBus', {
    eventBusName: resourceName(stage, RESOURCE_NAMES.bus),
  });
  // No event pattern: the archive keeps every event the bus receives.
  new events.CfnArchive(scope, 'PassportArchive', {
    archiveName: resourceName(stage, RESOURCE_NAMES.archive),
    sourceArn: bus.eventBusArn,
    retentionDays: ARCHIVE_RETENTION_DAYS,
    description: 'Every Passport event, for replay',
  });

  for (const rule of BUS_RULES) {
    new events.Rule(scope, `rule-${rule.name}`, {
      eventBus: bus,
      description: rule.description,
      eventPattern: toEventPattern(rule.pattern),
      targets: [new targets.SqsQueue(ruleTargets[rule.target].queue)],
    });
  }

  return bus;
};

/** SES events counted in CloudWatch, by notice kind (a message tag). */
const COUNTED_EMAIL_EVENTS = [
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.DELIVERY_DELAY,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.RENDERING_FAILURE,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
];

/**
 * The configuration set every notice is sent with: bounces and complaints
 * go to the feedback topic, and from it (raw delivery) to a queue the
 * feedback handler reads, with a DLQ for feedback it cannot read; every
 * sending event is also counted in CloudWatch by notice kind.
 */
const createEmailFeedback = (
  scope: StackContext['stack'],
  stage: string,
  key: kms.Key,
): {
  configurationSet: ses.ConfigurationSet;
  feedbackTopic: sns.Topic;
  feedbackQueue: QueuePair;
} => {
  const feedbackTopic = new sns.Topic(scope, 'SesFeedback', {
    topicName: resourceName(stage, RESOURCE_NAMES.sesFeedbackTopic),
    masterKey: key,
    enforceSSL: true,
  });
  const configurationSet = new ses.ConfigurationSet(scope, 'EmailSet', {
    configurationSetName: resourceName(stage, 'passport-email'),
  });
  configurationSet.addEventDestination('Feedback', {
    destination: ses.EventDestination.snsTopic(feedbackTopic),
    events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
  });
  configurationSet.addEventDestination('Counts', {
    destination: ses.EventDestination.cloudWatchDimensions([
      {
        name: 'notice_kind',
        source: ses.CloudWatchDimensionSource.MESSAGE_TAG,
        defaultValue: 'none',
      },
    ]),
    events: COUNTED_EMAIL_EVENTS,
  });

  const feedbackQueue = queueWithDeadLetter(scope, {
    stage,
    name: RESOURCE_NAMES.sesFeedbackQueue,
    key,
    visibilityTimeoutSeconds: SES_FEEDBACK_VISIBILITY_SECONDS,
    maxReceiveCount: SES_FEEDBACK_QUEUE.maxReceiveCount,
  });
  feedbackTopic.addSubscription(
    new subscriptions.SqsSubscription(feedbackQueue.queue, {
      rawMessageDelivery: true,
    }),
  );

  return { configurationSet, feedbackTopic, feedbackQueue };
};

/**
 * Messaging of the tier: the requests topic fanned out to one queue per
 * source, the Passport bus with its archive and rules, and SES feedback.
 */
function Messaging({ app, stack }: StackContext) {
  const key = createMessagingKey(stack, app.stage);
  const requestsTopic = new sns.Topic(stack, 'VerificationRequests', {
    topicName: resourceName(app.stage, RESOURCE_NAMES.requestsTopic),
    masterKey: key,
    enforceSSL: true,
  });

  const sourceQueues = {} as Record<SourceId, QueuePair>;
  for (const source of Object.values(SOURCES)) {
    const pair = queueWithDeadLetter(stack, {
      stage: app.stage,
      name: sourceQueueName(source.id),
      key,
      visibilityTimeoutSeconds: visibilityTimeoutFor(
        source.adapter.timeoutSeconds,
      ),
      maxReceiveCount: source.queue.maxReceiveCount,
    });
    requestsTopic.addSubscription(
      new subscriptions.SqsSubscription(pair.queue, {
        rawMessageDelivery: true,
        filterPolicy: {
          source: sns.SubscriptionFilter.stringFilter({
            allowlist: [source.id],
          }),
        },
      }),
    );
    sourceQueues[source.id] = pair;
  }

  const notifications = queueWithDeadLetter(stack, {
    stage: app.stage,
    name: RESOURCE_NAMES.notificationsQueue,
    key,
    visibilityTimeoutSeconds: NOTIFICATIONS_VISIBILITY_SECONDS,
    maxReceiveCount: NOTIFICATIONS_QUEUE.maxReceiveCount,
  });
  const containerEvents = queueWithDeadLetter(stack, {
    stage: app.stage,
    name: RESOURCE_NAMES.containerQueue,
    key,
    ...CONTAINER_QUEUE,
  });
  const bus = createBus(stack, app.stage, {
    [RESOURCE_NAMES.notificationsQueue]: notifications,
    [RESOURCE_NAMES.containerQueue]: containerEvents,
  });
  const { configurationSet, feedbackTopic, feedbackQueue } =
    createEmailFeedback(stack, app.stage, key);

  return {
    bus,
    configurationSet,
    containerEvents,
    feedbackQueue,
    feedbackTopic,
    key,
    notifications,
    requestsTopic,
    sourceQueues,
  };
}

export { ARCHIVE_RETENTION_DAYS, Messaging };
