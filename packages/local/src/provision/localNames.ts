import {
  deadLetterQueueName,
  RESOURCE_NAMES,
  SOURCE_IDS,
  type SourceId,
  sourceQueueName,
} from '../../../core/src/topology';
import { ProvisionError } from './errors';

/** Sender identities; SES identities are global, so never prefixed. */
const SES_FROM = 'passport-notices@rovn.example';
const SES_DOMAIN = 'rovn.example';
const CONFIGURATION_SET = 'passport';

// Lower case only: the prefix also lands in the bucket name.
const PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Names of every local resource, optionally under a prefix. */
interface LocalNames {
  topic: string;
  sourceQueues: Record<SourceId, { queue: string; dlq: string }>;
  notificationsQueue: { queue: string; dlq: string };
  containerQueue: { queue: string; dlq: string };
  feedbackTopic: string;
  feedbackQueue: { queue: string; dlq: string };
  bus: string;
  archive: string;
  bucket: string;
  keyAlias: string;
  sesFrom: string;
  sesDomain: string;
  configurationSet: string;
}

/**
 * Derives the local resource names from core's topology. A prefix gives
 * tests isolated copies in one shared emulator (`t1-verify-nppes`).
 */
const localNames = (prefix?: string): LocalNames => {
  if (prefix !== undefined && !PREFIX_PATTERN.test(prefix)) {
    throw new ProvisionError(
      `Resource prefix "${prefix}" is invalid: use 1-32 lower-case letters, digits or inner hyphens`,
      { context: { prefix } },
    );
  }
  const named = (base: string): string =>
    prefix === undefined ? base : `${prefix}-${base}`;
  const pair = (base: string) => ({
    queue: named(base),
    dlq: named(deadLetterQueueName(base)),
  });
  const sourceQueues = Object.fromEntries(
    SOURCE_IDS.map((id) => [id, pair(sourceQueueName(id))]),
  ) as Record<SourceId, { queue: string; dlq: string }>;

  return {
    topic: named(RESOURCE_NAMES.requestsTopic),
    sourceQueues,
    notificationsQueue: pair(RESOURCE_NAMES.notificationsQueue),
    containerQueue: pair(RESOURCE_NAMES.containerQueue),
    feedbackTopic: named(RESOURCE_NAMES.sesFeedbackTopic),
    feedbackQueue: pair(RESOURCE_NAMES.sesFeedbackQueue),
    bus: named(RESOURCE_NAMES.bus),
    archive: named(RESOURCE_NAMES.archive),
    bucket: named(RESOURCE_NAMES.receiptsBucket),
    keyAlias: `alias/${named(RESOURCE_NAMES.receiptsBucket)}`,
    sesFrom: SES_FROM,
    sesDomain: SES_DOMAIN,
    configurationSet: named(CONFIGURATION_SET),
  };
};

export type { LocalNames };
export { localNames };
