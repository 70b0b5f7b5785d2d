import type { S3Client } from '@aws-sdk/client-s3';
import { redactUrl } from '../egress/redactUrl';
import type { EgressClient } from '../egress/types';
import type { VerificationRequested } from '../events/contracts';
import { archiveReceipt } from '../receipts/archiveReceipt';
import {
  buildSamRequest,
  type SamApiKeyProvider,
  samLookups,
} from '../sources/sam/buildSamRequest';
import { classifySam, samQuotaExhausted } from '../sources/sam/classifySam';
import { parseSamResponse } from '../sources/sam/parseSamResponse';
import { SAM_ADAPTER_VERSION } from '../sources/sam/samAdapter';
import type { SamAnswer } from '../sources/sam/types';
import { indexReceipt } from '../store/indexReceipt';
import { loadCheckSubject } from '../store/loadCheckSubject';
import type { RecordedResult } from '../store/recordResult';
import {
  reserveSourceCalls,
  spendSourceBudget,
} from '../store/sourceCallBudget';
import { classifyEgressFailure } from './classifyEgressFailure';
import { type CompleteDeps, completeCheck } from './completeCheck';

interface SamCheckDeps extends CompleteDeps {
  egress: EgressClient;
  s3: S3Client;
  bucket: string;
  apiKey: SamApiKeyProvider;
  /** Calls the SAM.gov account may make per UTC day. */
  dailyCallLimit: number;
}

const DAY_MS = 86_400_000;

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Midnight UTC after `at`: when SAM.gov's daily quota starts afresh. */
const nextUtcDay = (at: Date): Date =>
  new Date(Date.parse(`${utcDay(at)}T00:00:00Z`) + DAY_MS);

/**
 * When a check whose quota ran out may try again: the next UTC midnight,
 * or later if SAM.gov's `Retry-After` (seconds) says so.
 */
const quotaResumesAt = (at: Date, retryAfter: string | undefined): Date => {
  const midnight = nextUtcDay(at);
  const seconds = /^[0-9]{1,9}$/.test(retryAfter?.trim() ?? '')
    ? Number(retryAfter)
    : 0;
  const asked = new Date(at.getTime() + seconds * 1000);

  return asked > midnight ? asked : midnight;
};

/**
 * Verifies one check against SAM.gov: reserve the day's calls, look the
 * worker up by NPI (when valid) and by name, archive every answer as its
 * own receipt, classify all answers together, record, announce.
 *
 * The daily quota is a budget, not an error to retry: the calls are
 * reserved in the store before any is made, and a day without room (or a
 * 429 from SAM.gov, which also marks the day spent) ends the check as
 * `source_unavailable` with `quota_exhausted` and `notBefore` the next UTC
 * midnight, so the cadence waits for the new quota. A refused key, a
 * failure or an answer not understood skips the remaining lookup: the
 * check cannot end `clear` anyway. Its reserved call is not given back,
 * so the count can only overstate use, never understate it.
 *
 * The result names the receipt of the lookup that decided: the first
 * whose answer, classified on its own (as `rovn replay` does with one
 * receipt), gives the outcome of all answers together; so replaying the
 * result's receipt reproduces the decision (a flag from the NPI lookup is
 * not hidden behind the empty name lookup that came after it). When no
 * single answer gives it, the last receipt archived. The `screened`
 * finding lists the lookups; each receipt can be replayed on its own.
 */
const verifySamCheck = async (
  deps: SamCheckDeps,
  request: VerificationRequested,
): Promise<RecordedResult> => {
  const { subject } = await loadCheckSubject(deps.db, request.checkId);
  const now = deps.clock();
  const budget = {
    source: 'sam',
    day: utcDay(now),
    limit: deps.dailyCallLimit,
  };
  const version = { adapterVersion: SAM_ADAPTER_VERSION };
  const lookups = samLookups(subject);

  const reserved = await reserveSourceCalls(deps.db, {
    ...budget,
    calls: lookups.length,
  });
  if (!reserved) {
    const spent = samQuotaExhausted({ reason: 'daily_budget_spent' });

    return completeCheck(
      deps,
      request,
      { ...spent, notBefore: nextUtcDay(now).toISOString() },
      { ...version, receiptKey: null },
    );
  }

  const apiKey = await deps.apiKey();
  const answers: SamAnswer[] = [];
  const answerReceipts: string[] = [];
  let receiptKey: string | null = null;
  let retryAfter: string | undefined;
  for (const query of lookups) {
    const call = buildSamRequest(subject, query, apiKey);
    let response: Awaited<ReturnType<EgressClient['fetch']>>;
    try {
      response = await deps.egress.fetch(call);
    } catch (error) {
      deps.log.warn('Source call failed', {
        check_id: request.checkId,
        source: 'sam',
        url: redactUrl(call.url),
        error: error instanceof Error ? error.name : typeof error,
        rule: (error as { rule?: unknown }).rule,
      });

      return completeCheck(deps, request, classifyEgressFailure(error), {
        ...version,
        receiptKey,
      });
    }

    const receipt = await archiveReceipt(deps, {
      source: 'sam',
      body: response.body,
      status: response.status,
      contentType: response.contentType,
      request: { method: 'GET', url: redactUrl(call.url) },
      fetchedAt: deps.clock(),
      adapterVersion: SAM_ADAPTER_VERSION,
    });
    await indexReceipt(deps.db, receipt.manifest, receipt.manifestKey);
    receiptKey = receipt.key;

    const parsed = parseSamResponse(response);
    answers.push({ query, parsed });
    answerReceipts.push(receipt.key);
    if (parsed.kind === 'quota_exhausted') {
      retryAfter = response.headers['retry-after'];
      await spendSourceBudget(deps.db, budget);
    }
    if (parsed.kind !== 'results') {
      break;
    }
  }

  const classification = classifySam(subject, answers, {
    today: utcDay(now),
  });
  const deciding = answers.findIndex(
    (answer) =>
      classifySam(subject, [answer], { today: utcDay(now) }).outcome ===
      classification.outcome,
  );
  receiptKey = answerReceipts[deciding] ?? receiptKey;
  const waitsForQuota = classification.findings.some(
    (found) => found.code === 'quota_exhausted',
  );

  return completeCheck(
    deps,
    request,
    waitsForQuota
      ? {
          ...classification,
          notBefore: quotaResumesAt(now, retryAfter).toISOString(),
        }
      : classification,
    { ...version, receiptKey },
  );
};

export type { SamCheckDeps };
export { nextUtcDay, verifySamCheck };
