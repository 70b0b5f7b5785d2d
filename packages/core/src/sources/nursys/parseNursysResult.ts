import { schemaReason } from '../decodeJsonBody';
import { nurseLookupResultSchema } from './nursysSchema';
import { type NursysResponse, readNursysAnswer } from './readNursysAnswer';
import type { ParsedNursysResult } from './types';

/**
 * Reads a nurse lookup result (GET `nurselookup` with the transaction id).
 *
 * - `TransactionSuccessFlag` false: `transaction_failed`.
 * - `ProcessingCompleteFlag` false: `pending`; the caller asks again.
 * - Complete: `NurseLookupResponses` must be there (an array, possibly
 *   empty); each record needs `SuccessFlag`, and each license its
 *   jurisdiction, number, type and `Active`, with dates in either
 *   timestamp form (see `parseNursysDate`). A renamed field, a flag that
 *   became a number, an unreadable date: `unreadable` with the path.
 *
 * Status and body failures are those of `readNursysAnswer`. Never throws.
 *
 * @param answer - status, content type, headers and the exact bytes
 */
const parseNursysResult = (answer: NursysResponse): ParsedNursysResult => {
  try {
    const read = readNursysAnswer(answer);
    if (!('value' in read)) {
      return read;
    }
    const parsed = nurseLookupResultSchema.safeParse(read.value);
    if (!parsed.success) {
      return { kind: 'unreadable', reason: schemaReason(parsed.error) };
    }

    const { Transaction, ProcessingCompleteFlag, NurseLookupResponses } =
      parsed.data;
    if (!Transaction.TransactionSuccessFlag) {
      return {
        kind: 'transaction_failed',
        errors: Transaction.TransactionErrors,
      };
    }
    const transactionId = Transaction.TransactionId;
    if (!ProcessingCompleteFlag) {
      return { kind: 'pending', transactionId };
    }
    if (NurseLookupResponses == null) {
      return { kind: 'unreadable', reason: 'nurse_lookup_responses_missing' };
    }

    return { kind: 'complete', transactionId, records: NurseLookupResponses };
  } catch {
    return { kind: 'unreadable', reason: 'parser_failure' };
  }
};

export { parseNursysResult };
