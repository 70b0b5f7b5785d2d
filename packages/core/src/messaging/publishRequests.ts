import { PublishBatchCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { VerificationRequested } from '../events/contracts';

const SNS_BATCH = 10;

/** Which requests SNS accepted and which it did not. */
interface PublishOutcome {
  published: string[];
  failed: { requestId: string; reason: string }[];
}

/**
 * Publishes requests to the requests topic in batches of ten, with the
 * `source` attribute the per-source subscriptions filter on. A batch the
 * call itself fails on counts as failed entries, so the caller can give
 * those claims back.
 */
const publishRequests = async (
  sns: SNSClient,
  topicArn: string,
  requests: readonly VerificationRequested[],
): Promise<PublishOutcome> => {
  const outcome: PublishOutcome = { published: [], failed: [] };

  for (let start = 0; start < requests.length; start += SNS_BATCH) {
    const batch = requests.slice(start, start + SNS_BATCH);
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
  }

  return outcome;
};

export type { PublishOutcome };
export { publishRequests };
