import {
  CreateTopicCommand,
  PublishBatchCommand,
  type PublishBatchRequestEntry,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { BenchError } from './errors';

/** How fast the emulator takes PublishBatch calls with nothing else done. */
interface PublishFloor {
  messages: number;
  concurrency: number;
  ms: number;
  per_s: number;
}

const SNS_BATCH = 10;

/**
 * One batch of ten entries shaped like the sweep's requests (same body
 * size, same two attributes), built before the clock starts.
 */
const batchOf = (first: number): PublishBatchRequestEntry[] =>
  Array.from({ length: SNS_BATCH }, (_, i) => ({
    Id: `m${i}`,
    Message: JSON.stringify({
      type: 'verification.requested',
      requestId: `syn-k${first + i}:00000000-0000-4000-8000-000000000000`,
      checkId: `syn-k${first + i}`,
      source: 'nppes',
      workerId: `syn-w${first + i}`,
      credentialId: `syn-c${first + i}`,
      dueAt: '2026-06-01T11:00:00.000Z',
      requestedAt: '2026-06-01T12:00:00.000Z',
    }),
    MessageAttributes: {
      source: { DataType: 'String', StringValue: 'nppes' },
      type: { DataType: 'String', StringValue: 'verification.requested' },
    },
  }));

/**
 * The floor under the sweep's publishing: `messages` requests sent to a
 * fresh topic as PublishBatch calls of ten, `concurrency` calls in flight,
 * with no database, no claims and no bookkeeping. The sweep cannot
 * publish faster than this through the same emulator and SDK client.
 *
 * @param sns - a client pointed at the emulator
 * @param messages - how many requests to send
 * @param concurrency - batch calls in flight at once (the sweep's setting)
 */
const measurePublishFloor = async (
  sns: SNSClient,
  messages: number,
  concurrency: number,
): Promise<PublishFloor> => {
  const { TopicArn } = await sns.send(
    new CreateTopicCommand({ Name: 'bench-publish-floor' }),
  );
  if (TopicArn === undefined) throw new BenchError('moto made no topic');
  const batches = Array.from(
    { length: Math.ceil(messages / SNS_BATCH) },
    (_, n) => batchOf(n * SNS_BATCH),
  );
  let next = 0;
  let failed = 0;
  const lane = async (): Promise<void> => {
    for (let n = next++; n < batches.length; n = next++) {
      const answer = await sns.send(
        new PublishBatchCommand({
          TopicArn,
          PublishBatchRequestEntries: batches[n],
        }),
      );
      failed += answer.Failed?.length ?? 0;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => lane()));
  const ms = performance.now() - started;
  if (failed > 0) {
    throw new BenchError(`moto refused ${failed} floor messages`);
  }

  return {
    messages,
    concurrency,
    ms: Math.round(ms),
    per_s: Math.round(messages / (ms / 1000)),
  };
};

export type { PublishFloor };
export { measurePublishFloor };
