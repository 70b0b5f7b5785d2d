import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DrainTimeoutError } from './errors';

/** Messages of one queue, by state. */
interface QueueCount {
  queueUrl: string;
  visible: number;
  inFlight: number;
  delayed: number;
}

/** Options of {@link waitUntilDrained}. */
interface WaitUntilDrainedOptions {
  sqs: SQSClient;
  queueUrls: readonly string[];
  /** Pollers that must also be idle (anything with `isIdle`). */
  pollers?: readonly { isIdle(): boolean }[];
  /** Consecutive empty polls required (default 3). */
  quietPolls?: number;
  timeoutMs: number;
  /** Pause between polls (default 250 ms). */
  intervalMs?: number;
  /** Called after every poll, e.g. to print progress. */
  onProgress?: (counts: readonly QueueCount[]) => void;
}

const countOf = async (
  sqs: SQSClient,
  queueUrl: string,
): Promise<QueueCount> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );

  return {
    queueUrl,
    visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
  };
};

const total = (count: QueueCount): number =>
  count.visible + count.inFlight + count.delayed;

const queueName = (queueUrl: string): string =>
  queueUrl.split('/').pop() ?? queueUrl;

/**
 * Resolves once every queue is empty (visible, in flight and delayed) and
 * every poller idle for `quietPolls` polls in a row. The counts are
 * approximate on AWS, hence the repeated polls.
 *
 * @throws DrainTimeoutError naming the queues that still hold messages
 */
const waitUntilDrained = async (
  options: WaitUntilDrainedOptions,
): Promise<void> => {
  const quietPolls = options.quietPolls ?? 3;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + options.timeoutMs;
  let quiet = 0;
  let counts: QueueCount[] = [];

  while (Date.now() <= deadline) {
    counts = await Promise.all(
      options.queueUrls.map((url) => countOf(options.sqs, url)),
    );
    options.onProgress?.(counts);
    const idle = (options.pollers ?? []).every((p) => p.isIdle());
    quiet = idle && counts.every((c) => total(c) === 0) ? quiet + 1 : 0;
    if (quiet >= quietPolls) return;

    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }

  const busy = counts.filter((c) => total(c) > 0);
  const described = busy
    .map((c) => `${queueName(c.queueUrl)} (${total(c)})`)
    .join(', ');
  throw new DrainTimeoutError(
    `Queues not drained after ${options.timeoutMs} ms: ${described || 'pollers still busy'}; check the poller logs and the DLQs`,
    {
      context: {
        timeout_ms: options.timeoutMs,
        queues: busy.map((c) => queueName(c.queueUrl)).join(','),
      },
    },
  );
};

export type { QueueCount, WaitUntilDrainedOptions };
export { waitUntilDrained };
