import { schemaReason } from '../decodeJsonBody';
import { notificationLookupResultSchema } from './nursysSchema';
import { type NursysResponse, readNursysAnswer } from './readNursysAnswer';
import type { ParsedNursysNotifications } from './types';

/**
 * Reads a notification lookup result (GET `notificationlookup` with the
 * transaction id): the license and discipline changes of the
 * institution's enrolled nurses in the window asked for.
 *
 * Same rules as `parseNursysResult`: a failed transaction, a pending one,
 * and, once complete, `NotificationLookupResponses` present (empty means
 * nothing changed) with each entry's jurisdiction, number and type.
 * Never throws.
 *
 * @param answer - status, content type, headers and the exact bytes
 */
const parseNursysNotifications = (
  answer: NursysResponse,
): ParsedNursysNotifications => {
  try {
    const read = readNursysAnswer(answer);
    if (!('value' in read)) {
      return read;
    }
    const parsed = notificationLookupResultSchema.safeParse(read.value);
    if (!parsed.success) {
      return { kind: 'unreadable', reason: schemaReason(parsed.error) };
    }

    const { Transaction, ProcessingCompleteFlag } = parsed.data;
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
    const notifications = parsed.data.NotificationLookupResponses;
    if (notifications == null) {
      return {
        kind: 'unreadable',
        reason: 'notification_lookup_responses_missing',
      };
    }

    return { kind: 'complete', transactionId, notifications };
  } catch {
    return { kind: 'unreadable', reason: 'parser_failure' };
  }
};

export { parseNursysNotifications };
