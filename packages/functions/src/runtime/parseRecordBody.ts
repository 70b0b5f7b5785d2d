import { ContractError } from '@rovn/core';
import type { SQSRecord } from 'aws-lambda';
import type * as z from 'zod';

/**
 * A record's JSON body, checked against its contract. The JSON error
 * itself is not kept: it quotes the body, which we do not log.
 *
 * @param schema - the message contract
 * @param record - the SQS record
 * @throws ContractError naming the message id and the fields at fault
 */
const parseRecordBody = <T>(schema: z.ZodType<T>, record: SQSRecord): T => {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    throw new ContractError(
      `Message ${record.messageId} is not JSON; it is retried, then kept in the DLQ`,
      { context: { message_id: record.messageId } },
    );
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new ContractError(
      `Message ${record.messageId} breaks its contract (${problems}); it is retried, then kept in the DLQ`,
      { context: { message_id: record.messageId } },
    );
  }

  return parsed.data;
};

export { parseRecordBody };
