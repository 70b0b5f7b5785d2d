import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';

/** How one handler invocation ended. */
type InvocationOutcome =
  | { kind: 'returned'; response: SQSBatchResponse | undefined }
  | { kind: 'threw'; error: unknown };

/** Which records of a batch to delete, and why the others stay. */
interface Settlement {
  toDelete: SQSRecord[];
  failedIds: string[];
  /** Set when the whole batch counts as failed because of the response. */
  invalidResponse?: string;
}

const isBatchResponse = (value: unknown): value is SQSBatchResponse =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { batchItemFailures?: unknown }).batchItemFailures);

/**
 * Decides, as Lambda's SQS event source mapping does with
 * ReportBatchItemFailures on, which messages a finished invocation
 * consumed: all when it returned nothing or no failures, none when it
 * threw, and all but the listed ones otherwise. A failure entry that names
 * no message of the batch fails the whole batch, as on AWS.
 */
const settleBatch = (
  records: readonly SQSRecord[],
  outcome: InvocationOutcome,
): Settlement => {
  const allIds = records.map((r) => r.messageId);
  if (outcome.kind === 'threw') {
    return { toDelete: [], failedIds: allIds };
  }
  if (!isBatchResponse(outcome.response)) {
    return { toDelete: [...records], failedIds: [] };
  }

  const failedIds = new Set<string>();
  for (const failure of outcome.response.batchItemFailures) {
    const id: unknown = failure?.itemIdentifier;
    if (typeof id !== 'string' || !allIds.includes(id)) {
      return {
        toDelete: [],
        failedIds: allIds,
        invalidResponse: `batchItemFailures names ${JSON.stringify(id ?? null)}, which is not a message of this batch`,
      };
    }
    failedIds.add(id);
  }

  return {
    toDelete: records.filter((r) => !failedIds.has(r.messageId)),
    failedIds: [...failedIds],
  };
};

export type { InvocationOutcome, Settlement };
export { settleBatch };
