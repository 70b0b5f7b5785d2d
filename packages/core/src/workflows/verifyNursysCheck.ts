import type { Classification } from '../domain/classification';
import { finding } from '../domain/finding';
import type { VerificationRequested } from '../events/contracts';
import type { NursysCredentialsProvider } from '../sources/nursys/buildNursysRequests';
import { classifyNursys } from '../sources/nursys/classifyNursys';
import { licenseQueryOf } from '../sources/nursys/licenseKey';
import {
  NURSYS_ADAPTER_VERSION,
  NURSYS_POLLING,
  type NursysPolling,
} from '../sources/nursys/nursysAdapter';
import { parseNursysResult } from '../sources/nursys/parseNursysResult';
import { loadCheckSubject } from '../store/loadCheckSubject';
import {
  closeNursysTransaction,
  countNursysPoll,
  hasResultForRequest,
} from '../store/nursysTransactions';
import type { RecordedResult } from '../store/recordResult';
import { classifyEgressFailure } from './classifyEgressFailure';
import { type CompleteDeps, completeCheck } from './completeCheck';
import { pollNursys } from './nursysCall';
import {
  type NursysSubmitDeps,
  submitNursysLookup,
  withRetryAfter,
} from './submitNursysLookup';

interface NursysCheckDeps extends CompleteDeps, NursysSubmitDeps {
  credentials: NursysCredentialsProvider;
  /** Default `NURSYS_POLLING`. */
  polling?: NursysPolling;
}

const version = { adapterVersion: NURSYS_ADAPTER_VERSION };

const unavailable = (
  code: string,
  detail: string,
  data?: Record<string, unknown>,
): Classification => ({
  outcome: 'source_unavailable',
  findings: [finding(code, detail, data)],
});

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

  const submitted = await submitNursysLookup(deps, request, [
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
