import { Tags } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  Function as SstFunction,
  type StackContext,
  use,
} from 'sst/constructs';
import { COVERAGE_METRIC } from '../packages/core/src/cadence/coverageMetric';
import { receiptPrefixesFor } from '../packages/core/src/receipts/receiptKeys';
import {
  FUNCTIONS,
  type FunctionSpec,
  type QueueSettings,
  SCHEDULES,
  SOURCES,
  type SourceId,
} from '../packages/core/src/topology';
import { adapterEgressSources, egressHostsFor } from './egressHosts';
import type { FunctionEnvironment } from './functionEnvironment';
import { Messaging } from './Messaging';
import { NOTIFICATIONS_QUEUE, SES_FEEDBACK_QUEUE } from './queueSettings';
import type { QueuePair } from './queueWithDeadLetter';
import { RECEIPT_WRITER_TAG } from './receiptWriterTag';
import { Storage } from './Storage';
import { stageSettings } from './stageSettings';

/** The source whose bulk list the refresh job downloads. */
const LEIE_SOURCE: SourceId = 'oig-leie';

/** The source whose change notices the daily lookup asks for. */
const NURSYS_SOURCE: SourceId = 'nursys';

/** Retries EventBridge makes when a scheduled invocation fails to start. */
const SCHEDULE_RETRY_ATTEMPTS = 2;

/** Subscribes a function to its queue with partial batch failures. */
const consume = (
  fn: SstFunction,
  pair: QueuePair,
  queue: QueueSettings,
): void => {
  fn.addEventSource(
    new SqsEventSource(pair.queue, {
      batchSize: queue.batchSize,
      maxConcurrency: queue.maxConcurrency,
      reportBatchItemFailures: true,
    }),
  );
};

/**
 * Worker functions of the tier, wired to their queues and schedules with
 * one least-privilege grant at a time.
 */
function Workers({ app, stack }: StackContext) {
  const storage = use(Storage);
  const messaging = use(Messaging);
  const settings = stageSettings(app.stage);

  const environment = (egressHosts: string): FunctionEnvironment => ({
    ROVN_STAGE: app.stage,
    REQUESTS_TOPIC_ARN: messaging.requestsTopic.topicArn,
    EVENT_BUS_NAME: messaging.bus.eventBusName,
    RECEIPTS_BUCKET: storage.receiptsBucket.bucketName,
    DATABASE_SECRET_ARN: storage.databaseSecret.secretArn,
    SAM_API_KEY_SECRET_ARN: storage.samApiKeySecret.secretArn,
    NURSYS_CREDENTIALS_SECRET_ARN: storage.nursysCredentialsSecret.secretArn,
    SES_FROM_ADDRESS: settings.sesFromAddress,
    SES_CONFIGURATION_SET: messaging.configurationSet.configurationSetName,
    APP_BASE_URL: settings.appBaseUrl,
    OPERATOR_EMAIL: settings.operatorEmail,
    EGRESS_ALLOWED_HOSTS: egressHosts,
  });
  // Written out rather than `secret.grantRead`, which would also add the
  // role to the Storage key's policy and make Storage depend on Workers.
  // The key policy already defers to IAM, so the role policy is enough.
  const readDatabaseSecret = (fn: SstFunction): void => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'secretsmanager:GetSecretValue',
          'secretsmanager:DescribeSecret',
        ],
        resources: [storage.databaseSecret.secretArn],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [storage.key.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com`,
          },
        },
      }),
    );
  };
  const createFunction = (spec: FunctionSpec, egressHosts: string) =>
    new SstFunction(stack, spec.id, {
      handler: spec.handler,
      timeout: spec.timeoutSeconds,
      memorySize: spec.memoryMb,
      environment: environment(egressHosts),
    });

  // Receipt writers: their own source's prefixes only, lock headers allowed
  // (the bucket policy exempts the tag from its retention deny), no read,
  // delete or bypass; the data key only through S3.
  const writeReceipts = (fn: SstFunction, source: SourceId): void => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:PutObjectRetention'],
        resources: receiptPrefixesFor(source).map((prefix) =>
          storage.receiptsBucket.arnForObjects(`${prefix}*`),
        ),
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [storage.key.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `s3.${stack.region}.amazonaws.com`,
          },
        },
      }),
    );
    if (fn.role) {
      Tags.of(fn.role).add(RECEIPT_WRITER_TAG.key, RECEIPT_WRITER_TAG.value);
    }
  };

  const sweep = createFunction(FUNCTIONS.sweep, '');
  messaging.requestsTopic.grantPublish(sweep);
  readDatabaseSecret(sweep);

  const adapters = {} as Record<SourceId, SstFunction>;
  for (const source of Object.values(SOURCES)) {
    const hosts = egressHostsFor(adapterEgressSources(source.id));
    const adapter = createFunction(source.adapter, hosts);
    consume(adapter, messaging.sourceQueues[source.id], source.queue);
    messaging.bus.grantPutEventsTo(adapter);
    readDatabaseSecret(adapter);
    // A bulk source's adapter screens the stored list and archives nothing.
    if (source.kind === 'per-subject') writeReceipts(adapter, source.id);
    adapters[source.id] = adapter;
  }
  // Only the SAM adapter reads the SAM.gov key; the key's own KMS grant
  // is the one `readDatabaseSecret` gave it (same key, via Secrets Manager).
  adapters.sam.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [storage.samApiKeySecret.secretArn],
    }),
  );

  // The Nursys credentials: the adapter and the notification lookup only.
  const readNursysCredentials = (fn: SstFunction): void => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [storage.nursysCredentialsSecret.secretArn],
      }),
    );
  };
  readNursysCredentials(adapters.nursys);

  const nursysNotifications = createFunction(
    FUNCTIONS.nursysNotifications,
    egressHostsFor([NURSYS_SOURCE]),
  );
  readDatabaseSecret(nursysNotifications);
  writeReceipts(nursysNotifications, NURSYS_SOURCE);
  readNursysCredentials(nursysNotifications);

  const leieRefresh = createFunction(
    FUNCTIONS.leieRefresh,
    egressHostsFor([LEIE_SOURCE]),
  );
  readDatabaseSecret(leieRefresh);
  writeReceipts(leieRefresh, LEIE_SOURCE);

  // Senders: from the stage's address, through the configuration set only.
  const sendEmail = (fn: SstFunction): void => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          // The sender's own identities: the address, or its domain when
          // the domain is what SES verified.
          ...[
            settings.sesFromAddress,
            settings.sesFromAddress.slice(
              settings.sesFromAddress.indexOf('@') + 1,
            ),
          ].map((identity) =>
            stack.formatArn({
              service: 'ses',
              resource: 'identity',
              resourceName: identity,
            }),
          ),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: messaging.configurationSet.configurationSetName,
          }),
        ],
        conditions: {
          StringEquals: { 'ses:FromAddress': settings.sesFromAddress },
        },
      }),
    );
  };

  const notifier = createFunction(FUNCTIONS.notifier, '');
  consume(notifier, messaging.notifications, NOTIFICATIONS_QUEUE);
  readDatabaseSecret(notifier);
  sendEmail(notifier);

  const expiryNotices = createFunction(FUNCTIONS.expiryNotices, '');
  readDatabaseSecret(expiryNotices);
  sendEmail(expiryNotices);

  // The coverage job publishes its one metric namespace, nothing else.
  const coverageReport = createFunction(FUNCTIONS.coverageReport, '');
  readDatabaseSecret(coverageReport);
  coverageReport.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'cloudwatch:namespace': COVERAGE_METRIC.namespace },
      },
    }),
  );

  const sesFeedback = createFunction(FUNCTIONS.sesFeedback, '');
  consume(sesFeedback, messaging.feedbackQueue, SES_FEEDBACK_QUEUE);
  readDatabaseSecret(sesFeedback);

  const scheduled: Record<(typeof SCHEDULES)[number]['target'], SstFunction> = {
    sweep,
    leieRefresh,
    expiryNotices,
    coverageReport,
    nursysNotifications,
  };
  for (const schedule of SCHEDULES) {
    new events.Rule(stack, `schedule-${schedule.name}`, {
      description: `Starts ${schedule.name} on its schedule`,
      schedule: events.Schedule.expression(schedule.expression),
      targets: [
        new targets.LambdaFunction(scheduled[schedule.target], {
          retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
        }),
      ],
    });
  }

  return {
    adapters,
    coverageReport,
    expiryNotices,
    leieRefresh,
    notifier,
    nursysNotifications,
    sesFeedback,
    sweep,
  };
}

export { Workers };
