import type { Classification } from '../domain/classification';
import type { VerificationRequested } from '../events/contracts';
import { buildNurseLookupSubmit } from '../sources/nursys/buildNursysRequests';
import { classifyNursys } from '../sources/nursys/classifyNursys';
import { NursysRequestError } from '../sources/nursys/errors';
import { parseNursysTransaction } from '../sources/nursys/parseNursysTransaction';
import type { ParsedNursysResult } from '../sources/nursys/types';
import {
  beginNursysSubmit,
  closeNursysTransaction,
  markNursysPending,
  type OpenNursysTransaction,
  openNursysTransaction,
  takeOverNursysSubmit,
} from '../store/nursysTransactions';
import { SOURCES } from '../topology/sources';
import { classifyEgressFailure } from './classifyEgressFailure';
import { callNursys, type NursysCallDeps, retryAfterTime } from './nursysCall';

/** What the submit step needs: the Nursys call's dependencies. */
interface NursysSubmitDeps extends NursysCallDeps {
  /**
   * How long a submit another invocation began is left to it (default
   * {@link NURSYS_SUBMIT_STALE_AFTER_MS}). It must be at least the
   * adapter's time limit and below its queue's visibility timeout.
   */
  submitStaleAfterMs?: number;
}

/**
 * A submit another invocation began is left to it for this long: the
 * deployed adapter's time limit plus a margin for clocks. Past it, the
 * invocation has ended (Lambda stops it at its time limit), so it died
 * before storing the transaction id, and the submit is taken over (a
 * lookup is a read: a second one harms nothing).
 *
 * Note: the window must end before the message comes back (one
 * visibility timeout, six time limits deployed). A longer one made every
 * redelivery fail at the dead claim until the message's retries ran out
 * and it went to the DLQ, the check unanswered.
 */
const NURSYS_SUBMIT_STALE_AFTER_MS =
  SOURCES.nursys.adapter.timeoutSeconds * 1_000 + 10_000;

/** What the submit step gives: a transaction to poll, or an outcome. */
type Submitted =
  | { kind: 'poll'; open: OpenNursysTransaction; justSubmitted: boolean }
  | {
      kind: 'done';
      classification: Classification;
      receiptKey: string | null;
    };

/** The `notBefore` a rate-limited answer asks for, if any. */
const withRetryAfter = (
  classification: Classification,
  parsed: ParsedNursysResult,
  now: Date,
): Classification => {
  const notBefore =
    parsed.kind === 'rate_limited'
      ? retryAfterTime(now, parsed.retryAfter)
      : undefined;

  return notBefore === undefined
    ? classification
    : { ...classification, notBefore };
};

/**
 * Finds or makes the check's open transaction: polls the one it has;
 * otherwise records the intent, submits, archives the Transaction answer
 * and stores its id. Another live invocation mid-submit for the same
 * check makes this delivery fail (SQS delivers it again later) rather
 * than submit twice.
 */
const submitNursysLookup = async (
  deps: NursysSubmitDeps,
  request: VerificationRequested,
  lookup: Parameters<typeof buildNurseLookupSubmit>,
): Promise<Submitted> => {
  const now = deps.clock();
  let open = await openNursysTransaction(deps.db, request.checkId);
  if (open?.status === 'pending') {
    return { kind: 'poll', open, justSubmitted: false };
  }

  let id: number | null = null;
  if (open === undefined) {
    id = await beginNursysSubmit(deps.db, {
      checkId: request.checkId,
      requestId: request.requestId,
      now,
    });
    if (id === null) {
      open = await openNursysTransaction(deps.db, request.checkId);
      if (open?.status === 'pending') {
        return { kind: 'poll', open, justSubmitted: false };
      }
    }
  }
  const staleAfterMs = deps.submitStaleAfterMs ?? NURSYS_SUBMIT_STALE_AFTER_MS;
  if (id === null && open !== undefined) {
    const tookOver = await takeOverNursysSubmit(deps.db, {
      id: open.id,
      requestId: request.requestId,
      staleBefore: new Date(now.getTime() - staleAfterMs),
      now,
    });
    id = tookOver ? open.id : null;
  }
  if (id === null) {
    throw new NursysRequestError(
      `Another invocation is submitting a Nursys lookup for this check; the message is retried, and the submit is taken over once it is ${staleAfterMs / 1000} s old`,
      {
        context: { check_id: request.checkId, stale_after_ms: staleAfterMs },
      },
    );
  }

  const answered = await callNursys(deps, buildNurseLookupSubmit(...lookup), {
    check_id: request.checkId,
  });
  if (!answered.ok) {
    await closeNursysTransaction(deps.db, { id, status: 'failed', now });

    return {
      kind: 'done',
      classification: classifyEgressFailure(answered.error),
      receiptKey: null,
    };
  }
  const parsed = parseNursysTransaction(answered.response);
  if (parsed.kind !== 'submitted') {
    await closeNursysTransaction(deps.db, { id, status: 'failed', now });
    const classification = classifyNursys(lookup[0], parsed, {
      today: now.toISOString().slice(0, 10),
    });

    return {
      kind: 'done',
      classification: withRetryAfter(classification, parsed, now),
      receiptKey: answered.receiptKey,
    };
  }

  await markNursysPending(deps.db, {
    id,
    transactionId: parsed.transactionId,
    submitReceiptKey: answered.receiptKey,
    now,
  });
  const pending = await openNursysTransaction(deps.db, request.checkId);
  if (pending === undefined) {
    throw new NursysRequestError('The stored Nursys transaction vanished', {
      context: { check_id: request.checkId },
    });
  }

  return { kind: 'poll', open: pending, justSubmitted: true };
};

export type { NursysSubmitDeps, Submitted };
export { NURSYS_SUBMIT_STALE_AFTER_MS, submitNursysLookup, withRetryAfter };
