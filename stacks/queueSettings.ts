import {
  FUNCTIONS,
  type QueueSettings,
  visibilityTimeoutFor,
} from '../packages/core/src/topology';

/**
 * Settings of the notifications queue and its consumer, the notifier.
 * Core's topology declares these for source queues only; they belong there.
 */
const NOTIFICATIONS_QUEUE: QueueSettings = {
  batchSize: 10,
  maxReceiveCount: 5,
  maxConcurrency: 2,
};

/** Visibility timeout of the notifications queue, from its consumer. */
const NOTIFICATIONS_VISIBILITY_SECONDS = visibilityTimeoutFor(
  FUNCTIONS.notifier.timeoutSeconds,
);

/** Settings of the SES feedback queue and its consumer. */
const SES_FEEDBACK_QUEUE: QueueSettings = {
  batchSize: 10,
  maxReceiveCount: 5,
  maxConcurrency: 2,
};

/** Visibility timeout of the SES feedback queue, from its consumer. */
const SES_FEEDBACK_VISIBILITY_SECONDS = visibilityTimeoutFor(
  FUNCTIONS.sesFeedback.timeoutSeconds,
);

/**
 * The container tier's queue: its consumer lives outside this app, so the
 * visibility timeout is a generous fixed value for a long-running poller.
 */
const CONTAINER_QUEUE = { maxReceiveCount: 5, visibilityTimeoutSeconds: 300 };

export {
  CONTAINER_QUEUE,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_VISIBILITY_SECONDS,
  SES_FEEDBACK_QUEUE,
  SES_FEEDBACK_VISIBILITY_SECONDS,
};
