import { PublishBatchCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { VerificationRequested } from '../events/contracts';

const SNS_BATCH = 10;

/** Which requests SNS accepted and which it did not. */
interface PublishOutcome {
  published: string[];
  failed: { requestId: string; reason: string }[];
}

/** Options of {@link publishRequests}. */
interface PublishOptions {
  /** Batch calls in flight at once (default 4). */
  concurrency?: number;
}

const publishBatch = async (
  sns: SNSClient,
  topicArn: string,
  batch: readonly VerificationRequested[],
  outcome: PublishOutcome,
): Promise<void> => {
  const byEntry = new Map(batch.map((r, i) => [`m${i}`, r.requestId]));
  try {
    const answer = await sns.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: batch.map((request, i) => ({
          Id: `m${i}`,
          Message: JSON.stringify(request),
          MessageAttributes: {
            source: { DataType: 'String', StringValue: request.source },
            type: { DataType: 'String', StringValue: request.type },
          },
        })),
      }),
    );
    for (const ok of answer.Successful ?? []) {
      const requestId = byEntry.get(ok.Id ?? '');
      if (requestId !== undefined) outcome.published.push(requestId);
    }
    for (const bad of answer.Failed ?? []) {
      const requestId = byEntry.get(bad.Id ?? '');
      if (requestId !== undefined) {
        outcome.failed.push({ requestId, reason: bad.Code ?? 'unknown' });
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unknown';
    for (const request of batch) {
      outcome.failed.push({ requestId: request.requestId, reason });
    }
  }
};

/**
 * Publishes requests to the requests topic in batches of ten, a few
 * batch calls at a time, with the `source` attribute the per-source
 * subscriptions filter on. A batch the call itself fails on counts as
 * failed entries, so the caller can give those claims back. An entry SNS
 * answered neither way also counts as failed: only an acknowledged
 * message keeps its claim.
 */
const publishRequests = async (
  sns: SNSClient,
  topicArn: string,
  requests: readonly VerificationRequested[],
  { concurrency = 4 }: PublishOptions = {},
): Promise<PublishOutcome> => {
  const outcome: PublishOutcome = { published: [], failed: [] };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < requests.length) {
      const batch = requests.slice(next, next + SNS_BATCH);
      next += SNS_BATCH;
      await publishBatch(sns, topicArn, batch, outcome);
    }
  };

  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, () => lane()),
  );
  const answered = new Set([
    ...outcome.published,
    ...outcome.failed.map((f) => f.requestId),
  ]);
  for (const request of requests) {
    if (!answered.has(request.requestId)) {
      outcome.failed.push({
        requestId: request.requestId,
        reason: 'NoAnswer',
      });
    }
  }

  return outcome;
};

export type { PublishOptions, PublishOutcome };
export { publishRequests };
