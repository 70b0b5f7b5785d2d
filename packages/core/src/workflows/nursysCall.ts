import type { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import { redactUrl } from '../egress/redactUrl';
import type { EgressClient, EgressResponse } from '../egress/types';
import type { Log } from '../log/logger';
import { archiveReceipt } from '../receipts/archiveReceipt';
import {
  buildNursysPoll,
  type NursysCredentials,
  type NursysOperation,
  type NursysRequest,
} from '../sources/nursys/buildNursysRequests';
import {
  NURSYS_ADAPTER_VERSION,
  type NursysPolling,
} from '../sources/nursys/nursysAdapter';
import { indexReceipt } from '../store/indexReceipt';
import type { Database } from '../store/schema';

/** What a Nursys call needs: the guard, the archive, a clock and a log. */
interface NursysCallDeps {
  db: Kysely<Database>;
  egress: EgressClient;
  s3: S3Client;
  bucket: string;
  clock: () => Date;
  log: Log;
  /**
   * Waits between polls. Defaults to a timer; tests pass one that
   * returns at once, so no test depends on real time passing.
   */
  sleep?: (ms: number) => Promise<void>;
}

/** One answered call: the response and the receipt it was archived as. */
type NursysCallResult =
  | { ok: true; response: EgressResponse; receiptKey: string }
  | { ok: false; error: unknown };

const timer = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes one Nursys call through the egress guard and archives the answer,
 * whatever its status, as a receipt. A call that fails before an answer
 * (refused, timed out) is returned as such and logged by URL only: the
 * bodies and headers hold names, license numbers and credentials.
 *
 * @param context - log keys such as `check_id`; never PHI
 */
const callNursys = async (
  deps: NursysCallDeps,
  call: NursysRequest,
  context: Record<string, string>,
): Promise<NursysCallResult> => {
  let response: EgressResponse;
  try {
    response = await deps.egress.fetch(call);
  } catch (error) {
    deps.log.warn('Source call failed', {
      ...context,
      source: 'nursys',
      method: call.method,
      url: redactUrl(call.url),
      error: error instanceof Error ? error.name : typeof error,
      rule: (error as { rule?: unknown }).rule,
    });

    return { ok: false, error };
  }

  const receipt = await archiveReceipt(deps, {
    source: 'nursys',
    body: response.body,
    status: response.status,
    contentType: response.contentType,
    request: { method: call.method, url: redactUrl(call.url) },
    fetchedAt: deps.clock(),
    adapterVersion: NURSYS_ADAPTER_VERSION,
  });
  await indexReceipt(deps.db, receipt.manifest, receipt.manifestKey);

  return { ok: true, response, receiptKey: receipt.key };
};

/** How a run of polls ended. */
type PollEnd<P> =
  /** An answer that is not `pending` (a result or a failure). */
  | { kind: 'answer'; parsed: P; response: EgressResponse; receiptKey: string }
  /** The call itself failed; the transaction may still be fine. */
  | { kind: 'call_failed'; error: unknown; receiptKey: string | null }
  /** Still pending after the bound of this invocation. */
  | { kind: 'still_pending'; polls: number; receiptKey: string | null };

/**
 * Polls a submitted transaction until its answer is not `pending`, with
 * a doubling wait between polls, at most `maxPolls` times and within
 * `budgetMs` of the clock. Every answer is archived (identical pending
 * answers are one receipt). The bound keeps one invocation short; the
 * transaction id is stored, so a later attempt polls on.
 *
 * @param options.waitFirst - wait before the first poll (true right after
 *   a submit, when Nursys cannot have finished yet)
 * @param options.onPoll - called after each answered poll (counting)
 */
const pollNursys = async <P extends { kind: string }>(
  deps: NursysCallDeps,
  options: {
    operation: NursysOperation;
    transactionId: string;
    credentials: NursysCredentials;
    parse: (response: EgressResponse) => P;
    polling: NursysPolling;
    waitFirst: boolean;
    onPoll?: () => Promise<void>;
    context: Record<string, string>;
  },
): Promise<PollEnd<P>> => {
  const sleep = deps.sleep ?? timer;
  const started = deps.clock().getTime();
  const call = buildNursysPoll(
    options.operation,
    options.transactionId,
    options.credentials,
  );
  let receiptKey: string | null = null;
  let delay = options.polling.firstDelayMs;
  let polls = 0;

  while (
    polls < options.polling.maxPolls &&
    deps.clock().getTime() - started < options.polling.budgetMs
  ) {
    if (polls > 0 || options.waitFirst) {
      await sleep(delay);
      delay = Math.min(delay * 2, options.polling.maxDelayMs);
    }
    const answered = await callNursys(deps, call, options.context);
    polls += 1;
    if (!answered.ok) {
      return { kind: 'call_failed', error: answered.error, receiptKey };
    }
    receiptKey = answered.receiptKey;
    await options.onPoll?.();
    const parsed = options.parse(answered.response);
    if (parsed.kind !== 'pending') {
      return {
        kind: 'answer',
        parsed,
        response: answered.response,
        receiptKey,
      };
    }
  }

  return { kind: 'still_pending', polls, receiptKey };
};

/**
 * The earliest time to ask again after a 429: `Retry-After` seconds from
 * `now` when the header is a number of seconds, else undefined (the
 * cadence's own backoff applies).
 */
const retryAfterTime = (
  now: Date,
  retryAfter: string | null | undefined,
): string | undefined => {
  const text = retryAfter?.trim() ?? '';
  if (!/^[0-9]{1,9}$/.test(text)) {
    return undefined;
  }

  return new Date(now.getTime() + Number(text) * 1000).toISOString();
};

export type { NursysCallDeps, NursysCallResult, PollEnd };
export { callNursys, pollNursys, retryAfterTime };
