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
import { NOTIFICATIONS_QUEUE } from './queueSettings';
import type { QueuePair } from './queueWithDeadLetter';
import { RECEIPT_WRITER_TAG } from './receiptWriterTag';
import { Storage } from './Storage';
import { stageSettings } from './stageSettings';

/** The source whose bulk list the refresh job downloads. */
const LEIE_SOURCE: SourceId = 'oig-leie';

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
    SES_FROM_ADDRESS: settings.sesFromAddress,
    SES_CONFIGURATION_SET: messaging.configurationSet.configurationSetName,
    APP_BASE_URL: settings.appBaseUrl,
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

  // Receipt writers: own objects only, lock headers allowed (the bucket
  // policy exempts the tag from its retention deny), never delete or bypass.
  const writeReceipts = (fn: SstFunction): void => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:PutObjectRetention', 's3:GetObject'],
        resources: [storage.receiptsBucket.arnForObjects('*')],
      }),
    );
    storage.key.grantEncryptDecrypt(fn);
    messaging.bus.grantPutEventsTo(fn);
    readDatabaseSecret(fn);
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
    writeReceipts(adapter);
    adapters[source.id] = adapter;
  }

  const leieRefresh = createFunction(
    FUNCTIONS.leieRefresh,
    egressHostsFor([LEIE_SOURCE]),
  );
  writeReceipts(leieRefresh);

  const notifier = createFunction(FUNCTIONS.notifier, '');
  consume(notifier, messaging.notifications, NOTIFICATIONS_QUEUE);
  readDatabaseSecret(notifier);
  notifier.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        stack.formatArn({
          service: 'ses',
          resource: 'identity',
          resourceName: '*',
        }),
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

  const scheduled: Record<(typeof SCHEDULES)[number]['target'], SstFunction> = {
    sweep,
    leieRefresh,
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

  return { adapters, leieRefresh, notifier, sweep };
}

export { Workers };
