import { schemaReason } from '../decodeJsonBody';
import { submitBodySchema } from './nursysSchema';
import { type NursysResponse, readNursysAnswer } from './readNursysAnswer';
import type { ParsedNursysTransaction } from './types';

/**
 * Reads the answer to a submit (POST `nurselookup` or
 * `notificationlookup`): a `Transaction` with `TransactionId`,
 * `TransactionSuccessFlag` and `TransactionErrors[]`.
 *
 * A transaction Nursys did not accept (`TransactionSuccessFlag` false) is
 * `transaction_failed` with the error codes only. Status and body failures
 * are those of `readNursysAnswer`; a body without a readable `Transaction`
 * is `unreadable` with the path that broke. Never throws.
 *
 * @param answer - status, content type, headers and the exact bytes
 */
const parseNursysTransaction = (
  answer: NursysResponse,
): ParsedNursysTransaction => {
  try {
    const read = readNursysAnswer(answer);
    if (!('value' in read)) {
      return read;
    }
    const parsed = submitBodySchema.safeParse(read.value);
    if (!parsed.success) {
      return { kind: 'unreadable', reason: schemaReason(parsed.error) };
    }

    const transaction = parsed.data.Transaction;
    if (!transaction.TransactionSuccessFlag) {
      return {
        kind: 'transaction_failed',
        errors: transaction.TransactionErrors,
      };
    }

    return { kind: 'submitted', transactionId: transaction.TransactionId };
  } catch {
    return { kind: 'unreadable', reason: 'parser_failure' };
  }
};

export { parseNursysTransaction };
