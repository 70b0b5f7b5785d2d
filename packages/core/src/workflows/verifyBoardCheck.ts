import type { S3Client } from '@aws-sdk/client-s3';
import type { Classification } from '../domain/classification';
import { redactUrl } from '../egress/redactUrl';
import type { EgressClient } from '../egress/types';
import type { VerificationRequested } from '../events/contracts';
import { archiveReceipt } from '../receipts/archiveReceipt';
import { BOARD_ADAPTER_VERSION } from '../sources/board-saas/boardAdapter';
import type { ConfiguredBoard } from '../sources/board-saas/boards';
import {
  BOARD_MAX_PAGES,
  BOARD_PAGE_SIZE,
  buildBoardRequest,
} from '../sources/board-saas/buildBoardRequest';
import { classifyBoard } from '../sources/board-saas/classifyBoard';
import { parseBoardResponse } from '../sources/board-saas/parseBoardResponse';
import { precheckBoard } from '../sources/board-saas/precheckBoard';
import type { ParsedBoardResponse } from '../sources/board-saas/types';
import { indexReceipt } from '../store/indexReceipt';
import { loadCheckSubject } from '../store/loadCheckSubject';
import type { RecordedResult } from '../store/recordResult';
import { classifyEgressFailure } from './classifyEgressFailure';
import { type CompleteDeps, completeCheck } from './completeCheck';

interface BoardCheckDeps extends CompleteDeps {
  egress: EgressClient;
  s3: S3Client;
  bucket: string;
}

/** The longest a board's `Retry-After` may hold a check back. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * When a rate-limited check may run again: `Retry-After` in seconds
 * (bounded to a day), or undefined to leave it to the cadence's backoff.
 */
const retryAfterOf = (
  at: Date,
  header: string | undefined,
): string | undefined => {
  const text = header?.trim() ?? '';
  if (!/^[0-9]{1,9}$/.test(text)) {
    return undefined;
  }
  const seconds = Math.min(Number(text), MAX_RETRY_AFTER_SECONDS);

  return new Date(at.getTime() + seconds * 1000).toISOString();
};

/**
 * Verifies one license check against a state board of the SaaS: precheck,
 * search the license number page by page (at most `BOARD_MAX_PAGES`),
 * archive every page as its own receipt, classify the pages together,
 * record, announce.
 *
 * The search stops at the first page that is not a result page (the check
 * cannot end `clear` anyway) and once the pages hold every match the
 * board counted. A 429's `Retry-After` (seconds) holds the check back that
 * long. Source failures end as `source_unavailable`; failures of our own
 * infrastructure throw, so the message is retried and ends in the DLQ.
 *
 * The result names the last receipt archived; each page's receipt can be
 * replayed on its own.
 */
const verifyBoardCheck = async (
  deps: BoardCheckDeps,
  board: ConfiguredBoard,
  request: VerificationRequested,
): Promise<RecordedResult> => {
  const { subject } = await loadCheckSubject(deps.db, request.checkId);
  const now = deps.clock();
  const version = { adapterVersion: BOARD_ADAPTER_VERSION };

  const invalid = precheckBoard(board, subject);
  if (invalid !== null) {
    return completeCheck(deps, request, invalid, {
      ...version,
      receiptKey: null,
    });
  }

  const answers: ParsedBoardResponse[] = [];
  let receiptKey: string | null = null;
  let notBefore: string | undefined;
  for (let index = 0; index < BOARD_MAX_PAGES; index++) {
    const page = { skip: index * BOARD_PAGE_SIZE, take: BOARD_PAGE_SIZE };
    const call = buildBoardRequest(board, subject, page);
    let response: Awaited<ReturnType<EgressClient['fetch']>>;
    try {
      response = await deps.egress.fetch(call);
    } catch (error) {
      deps.log.warn('Source call failed', {
        check_id: request.checkId,
        source: board.id,
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
      source: board.id,
      body: response.body,
      status: response.status,
      contentType: response.contentType,
      request: { method: 'GET', url: redactUrl(call.url) },
      fetchedAt: deps.clock(),
      adapterVersion: BOARD_ADAPTER_VERSION,
    });
    await indexReceipt(deps.db, receipt.manifest, receipt.manifestKey);
    receiptKey = receipt.key;

    const parsed = parseBoardResponse(response, page);
    answers.push(parsed);
    if (parsed.kind === 'rate_limited') {
      notBefore = retryAfterOf(now, response.headers['retry-after']);
    }
    if (
      parsed.kind !== 'results' ||
      page.skip + parsed.records.length >= parsed.resultCount
    ) {
      break;
    }
  }

  const classification: Classification = classifyBoard(subject, answers, {
    board,
    today: now.toISOString().slice(0, 10),
  });

  return completeCheck(
    deps,
    request,
    notBefore === undefined ? classification : { ...classification, notBefore },
    { ...version, receiptKey },
  );
};

export type { BoardCheckDeps };
export { verifyBoardCheck };
