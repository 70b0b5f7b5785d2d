import {
  RESOURCE_NAMES,
  SOURCE_IDS,
  SOURCES,
  type SourceId,
} from '../../../core/src/topology';
import {
  type AwsClients,
  createAwsClients,
} from '../emulator/createAwsClients';
import { ensureQueuePair } from './ensureQueuePair';
import { localNames } from './localNames';
import type { LocalResources, QueueResources } from './localResources';
import { provisionBus } from './provisionBus';
import { provisionFeedback } from './provisionFeedback';
import { provisionReceiptsBucket } from './provisionReceiptsBucket';
import { provisionReceiptsKey } from './provisionReceiptsKey';
import { provisionRequestsTopic } from './provisionRequestsTopic';
import { provisionSes } from './provisionSes';

/** Options of {@link provisionTopology}. */
interface ProvisionTopologyOptions {
  /** moto_server base URL. */
  endpoint: string;
  /** Name prefix for an isolated copy (tests); none by default. */
  prefix?: string;
  /**
   * Visibility timeout of every local queue, in seconds (default 5).
   *
   * Deployed queues use six times the consumer's timeout (AWS's advice,
   * `visibilityTimeoutFor` in core), i.e. 3 minutes for a 30 s adapter.
   * Locally that would make each retry of a failed message wait minutes,
   * so the local stack takes a short explicit value instead.
   */
  visibilityTimeoutSeconds?: number;
  /** Clients to use instead of new ones built for `endpoint`. */
  clients?: AwsClients;
}

/** Local queues' visibility timeout unless the caller sets one. */
const DEFAULT_LOCAL_VISIBILITY_TIMEOUT_SECONDS = 5;

// Core's topology declares no retry budget for the bus target queues; this
// mirrors the source queues' budget until it does.
const EVENT_QUEUE_MAX_RECEIVE_COUNT = 5;

/**
 * Creates in the emulator the same topology the stacks deploy, read from
 * core's topology: requests topic, source queues with DLQs and filtered
 * subscriptions, the Passport bus with its archive and rules, the
 * receipts bucket (Object Lock, KMS), the SES sender and its feedback
 * topic and queue. Running it again
 * converges to the same resources.
 *
 * @example
 * const resources = await provisionTopology({ endpoint, prefix: 't1' });
 */
const provisionTopology = async (
  options: ProvisionTopologyOptions,
): Promise<LocalResources> => {
  const names = localNames(options.prefix);
  const visibilityTimeoutSeconds =
    options.visibilityTimeoutSeconds ??
    DEFAULT_LOCAL_VISIBILITY_TIMEOUT_SECONDS;
  const clients = options.clients ?? createAwsClients(options.endpoint);

  try {
    const queues = {} as Record<SourceId, QueueResources>;
    for (const id of SOURCE_IDS) {
      queues[id] = await ensureQueuePair(clients.sqs, {
        ...names.sourceQueues[id],
        visibilityTimeoutSeconds,
        maxReceiveCount: SOURCES[id].queue.maxReceiveCount,
      });
    }
    const eventQueue = (pair: { queue: string; dlq: string }) =>
      ensureQueuePair(clients.sqs, {
        ...pair,
        visibilityTimeoutSeconds,
        maxReceiveCount: EVENT_QUEUE_MAX_RECEIVE_COUNT,
      });
    const notificationsQueue = await eventQueue(names.notificationsQueue);
    const containerQueue = await eventQueue(names.containerQueue);
    const feedbackQueue = await eventQueue(names.feedbackQueue);

    const topicArn = await provisionRequestsTopic({
      sns: clients.sns,
      sqs: clients.sqs,
      topicName: names.topic,
      sourceQueues: queues,
    });
    const { busArn, archiveName } = await provisionBus({
      eventBridge: clients.eventBridge,
      sqs: clients.sqs,
      busName: names.bus,
      archiveName: names.archive,
      targets: {
        [RESOURCE_NAMES.notificationsQueue]: notificationsQueue,
        [RESOURCE_NAMES.containerQueue]: containerQueue,
      },
    });
    const feedbackTopicArn = await provisionFeedback({
      sns: clients.sns,
      sqs: clients.sqs,
      topicName: names.feedbackTopic,
      queue: feedbackQueue,
    });
    const kmsKeyId = await provisionReceiptsKey(clients.kms, names.keyAlias);
    await provisionReceiptsBucket(clients.s3, names.bucket, kmsKeyId);
    await provisionSes({
      ses: clients.ses,
      sesFrom: names.sesFrom,
      sesDomain: names.sesDomain,
      configurationSet: names.configurationSet,
    });

    return {
      topicArn,
      queues,
      notificationsQueue,
      containerQueue,
      feedbackTopicArn,
      feedbackQueue,
      busName: names.bus,
      busArn,
      archiveName,
      bucket: names.bucket,
      kmsKeyId,
      sesFrom: names.sesFrom,
      sesDomain: names.sesDomain,
      configurationSet: names.configurationSet,
    };
  } finally {
    if (options.clients === undefined) clients.destroy();
  }
};

export type { ProvisionTopologyOptions };
export { DEFAULT_LOCAL_VISIBILITY_TIMEOUT_SECONDS, provisionTopology };
