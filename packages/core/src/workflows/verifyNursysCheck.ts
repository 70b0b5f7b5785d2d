import type { Classification } from '../domain/classification';
import { finding } from '../domain/finding';
import type { VerificationRequested } from '../events/contracts';
import {
  buildNurseLookupSubmit,
  type NursysCredentialsProvider,
} from '../sources/nursys/buildNursysRequests';
import { classifyNursys } from '../sources/nursys/classifyNursys';
import { NursysRequestError } from '../sources/nursys/errors';
import { licenseQueryOf } from '../sources/nursys/licenseKey';
import {
  NURSYS_ADAPTER_VERSION,
  NURSYS_POLLING,
  type NursysPolling,
} from '../sources/nursys/nursysAdapter';
import { parseNursysResult } from '../sources/nursys/parseNursysResult';
import { parseNursysTransaction } from '../sources/nursys/parseNursysTransaction';
import type { ParsedNursysResult } from '../sources/nursys/types';
import { loadCheckSubject } from '../store/loadCheckSubject';
import {
  beginNursysSubmit,
  closeNursysTransaction,
  countNursysPoll,
  hasResultForRequest,
  markNursysPending,
  type OpenNursysTransaction,
  openNursysTransaction,
  takeOverNursysSubmit,
} from '../store/nursysTransactions';
import type { RecordedResult } from '../store/recordResult';
import { classifyEgressFailure } from './classifyEgressFailure';
import { type CompleteDeps, completeCheck } from './completeCheck';
import {
  callNursys,
  type NursysCallDeps,
  pollNursys,
  retryAfterTime,
} from './nursysCall';

interface NursysCheckDeps extends CompleteDeps, NursysCallDeps {
  credentials: NursysCredentialsProvider;
  /** Default `NURSYS_POLLING`. */
  polling?: NursysPolling;
}

/**
 * A submit another invocation began is left to it for this long; after
 * that it is taken to have died before storing the transaction id, and
 * is submitted again (a lookup is a read: a second one harms nothing).
 */
const SUBMIT_STALE_MS = 5 * 60_000;

const version = { adapterVersion: NURSYS_ADAPTER_VERSION };

/** What the submit step gives: a transaction to poll, or an outcome. */
type Submitted =
  | { kind: 'poll'; open: OpenNursysTransaction; justSubmitted: boolean }
  | {
      kind: 'done';
      classification: Classification;
      receiptKey: string | null;
    };

const unavailable = (
  code: string,
  detail: string,
  data?: Record<string, unknown>,
): Classification => ({
  outcome: 'source_unavailable',
  findings: [finding(code, detail, data)],
});

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
const submitOrResume = async (
  deps: NursysCheckDeps,
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
  if (id === null && open !== undefined) {
    const tookOver = await takeOverNursysSubmit(deps.db, {
      id: open.id,
      requestId: request.requestId,
      staleBefore: new Date(now.getTime() - SUBMIT_STALE_MS),
      now,
    });
    id = tookOver ? open.id : null;
  }
  if (id === null) {
    throw new NursysRequestError(
      'Another invocation is submitting a Nursys lookup for this check; the message is retried later',
      { context: { check_id: request.checkId } },
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

/**
 * Verifies one check against Nursys e-Notify: submit a nurse lookup,
 * poll it, archive every answer, classify the result, record, announce.
 *
 * Lifecycle of the lookup (table `nursys_transactions`):
 * - A request that already has a result only re-announces it: no call.
 * - The check's pending transaction, if any, is polled instead of
 *   submitting again; that is what a redelivered message, a retry after
 *   `transaction_pending` or a new sweep claim all do.
 * - Polls wait with doubling delays, within `polling` bounds. Still
 *   pending after them: `source_unavailable` / `transaction_pending`,
 *   and the cadence's retry polls on later.
 * - Pending for longer than `pendingLimitMs` (24 h): abandoned,
 *   `source_unavailable` / `transaction_expired`; the next attempt submits
 *   a fresh lookup.
 * - A poll that fails (timeout, 5xx, 429, HTML) leaves the transaction
 *   pending; a transaction Nursys refuses closes it.
 *
 * The result names the receipt of the result body when there is one (or
 * of the last answer archived); the submit's Transaction answer is its
 * own receipt, kept on the transaction row.
 */
const verifyNursysCheck = async (
  deps: NursysCheckDeps,
  request: VerificationRequested,
): Promise<RecordedResult> => {
  if (await hasResultForRequest(deps.db, request.requestId)) {
    // recordResult returns the stored result for a known request id and
    // ignores this classification; completeCheck then re-announces it.
    return completeCheck(
      deps,
      request,
      unavailable('duplicate_request', 'Already answered.'),
      { ...version, receiptKey: null },
    );
  }
  const { subject } = await loadCheckSubject(deps.db, request.checkId);
  const query = licenseQueryOf(subject);
  if ('outcome' in query) {
    return completeCheck(deps, request, query, {
      ...version,
      receiptKey: null,
    });
  }
  const polling = deps.polling ?? { ...NURSYS_POLLING };
  const credentials = await deps.credentials();

  const submitted = await submitOrResume(deps, request, [
    subject,
    query,
    request.checkId,
    credentials,
  ]);
  if (submitted.kind === 'done') {
    return completeCheck(deps, request, submitted.classification, {
      ...version,
      receiptKey: submitted.receiptKey,
    });
  }
  const { open } = submitted;
  const now = deps.clock();
  const pendingMs = now.getTime() - open.submittedAt.getTime();
  if (pendingMs > polling.pendingLimitMs) {
    await closeNursysTransaction(deps.db, {
      id: open.id,
      status: 'abandoned',
      now,
    });

    return completeCheck(
      deps,
      request,
      unavailable(
        'transaction_expired',
        'Nursys did not finish the lookup in time; a new lookup is submitted at the next attempt.',
        { pendingHours: Math.floor(pendingMs / 3_600_000) },
      ),
      { ...version, receiptKey: open.submitReceiptKey },
    );
  }

  const end = await pollNursys(deps, {
    operation: 'nurselookup',
    transactionId: open.transactionId ?? '',
    credentials,
    parse: parseNursysResult,
    polling,
    waitFirst: submitted.justSubmitted,
    onPoll: () => countNursysPoll(deps.db, open.id, deps.clock()),
    context: { check_id: request.checkId },
  });
  const receiptKey = end.receiptKey ?? open.submitReceiptKey;
  if (end.kind === 'call_failed') {
    return completeCheck(deps, request, classifyEgressFailure(end.error), {
      ...version,
      receiptKey,
    });
  }
  if (end.kind === 'still_pending') {
    return completeCheck(
      deps,
      request,
      unavailable(
        'transaction_pending',
        'Nursys has not finished the lookup; it is polled again at the next attempt.',
        { polls: end.polls },
      ),
      { ...version, receiptKey },
    );
  }

  const { parsed } = end;
  if (parsed.kind === 'complete' || parsed.kind === 'transaction_failed') {
    await closeNursysTransaction(deps.db, {
      id: open.id,
      status: parsed.kind === 'complete' ? 'complete' : 'failed',
      resultReceiptKey: end.receiptKey,
      now: deps.clock(),
    });
  }
  const classification = classifyNursys(subject, parsed, {
    today: now.toISOString().slice(0, 10),
  });

  return completeCheck(
    deps,
    request,
    withRetryAfter(classification, parsed, deps.clock()),
    { ...version, receiptKey },
  );
};

export type { NursysCheckDeps };
export { verifyNursysCheck };
