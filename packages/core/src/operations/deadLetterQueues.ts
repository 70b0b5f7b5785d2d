import {
  deadLetterQueueName,
  isSourceId,
  RESOURCE_NAMES,
  SOURCE_IDS,
  sourceQueueName,
} from '../topology';
import { OperationsError } from './errors';

/** A work queue and its DLQ, by physical name. */
interface QueuePairNames {
  queue: string;
  deadLetterQueue: string;
}

/** The queues with a DLQ that are not source queues. */
const EVENT_QUEUES = [
  RESOURCE_NAMES.notificationsQueue,
  RESOURCE_NAMES.containerQueue,
] as const;

/** Every name `dlq` commands accept: the source ids and the bus queues. */
const DEAD_LETTER_OWNERS: readonly string[] = [...SOURCE_IDS, ...EVENT_QUEUES];

/**
 * The physical names of a source's (or bus queue's) queue and DLQ. The
 * prefix is the stage on AWS (`resourceName` in the stacks) and the test
 * or local prefix on the emulator; both put it in front with a hyphen.
 *
 * @param owner - a source id, `notifications` or `container-events`
 * @param prefix - the stage or local prefix, if any
 */
const deadLetterQueuesOf = (owner: string, prefix?: string): QueuePairNames => {
  const base = isSourceId(owner)
    ? sourceQueueName(owner)
    : (EVENT_QUEUES as readonly string[]).includes(owner)
      ? owner
      : undefined;
  if (base === undefined) {
    throw new OperationsError(
      `Unknown queue owner "${owner}"; use one of: ${DEAD_LETTER_OWNERS.join(', ')}`,
      { context: { owner } },
    );
  }
  const named = (name: string): string =>
    prefix === undefined || prefix === '' ? name : `${prefix}-${name}`;

  return {
    queue: named(base),
    deadLetterQueue: named(deadLetterQueueName(base)),
  };
};

export type { QueuePairNames };
export { DEAD_LETTER_OWNERS, deadLetterQueuesOf };
