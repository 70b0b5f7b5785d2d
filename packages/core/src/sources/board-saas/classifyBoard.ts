import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import type { BoardConfig } from './boards';
import { classifyLicenseRecord } from './classifyLicenseRecord';
import { narrowToLicense } from './narrowToLicense';
import { precheckBoard } from './precheckBoard';
import type { BoardRecord, ParsedBoardResponse } from './types';

/** What classification needs besides the subject and the pages. */
interface BoardClassifyOptions {
  board: BoardConfig;
  /** Today, `YYYY-MM-DD` (UTC), for deciding whether a license expired. */
  today: string;
}

const unavailable = (found: Finding): Classification => ({
  outcome: 'source_unavailable',
  findings: [found],
});

/** The first answer that is not a result page, as `source_unavailable`. */
const failureOf = (
  title: string,
  answers: readonly ParsedBoardResponse[],
): Classification | null => {
  for (const parsed of answers) {
    switch (parsed.kind) {
      case 'results':
        break;
      case 'rate_limited':
        return unavailable(
          finding('rate_limited', `${title} asked us to slow down (HTTP 429).`),
        );
      case 'refused':
        return unavailable(
          finding(
            'access_refused',
            `${title} refused the request; its rule on user agents or clients may have changed.`,
            { status: parsed.status },
          ),
        );
      case 'source_error':
        return unavailable(
          finding('source_error', `${title} answered with an error status.`, {
            status: parsed.status,
          }),
        );
      case 'board_error':
        return unavailable(
          finding(
            'board_error',
            `${title} answered with a non-zero errorCode instead of results.`,
            { errorCode: parsed.errorCode },
          ),
        );
      case 'unreadable':
        return unavailable(
          finding(
            'unreadable_response',
            `${title} answered in a shape the adapter does not understand.`,
            { reason: parsed.reason },
          ),
        );
    }
  }

  return null;
};

type ResultPage = Extract<ParsedBoardResponse, { kind: 'results' }>;

/** The pages in order, checked to belong to one result set. */
const pageSet = (
  pages: readonly ResultPage[],
): {
  records: BoardRecord[];
  resultCount: number;
  complete: boolean;
} | null => {
  const resultCount = pages[0]?.resultCount ?? 0;
  let next = 0;
  for (const page of pages) {
    if (page.resultCount !== resultCount || page.page.skip !== next) {
      return null;
    }
    next += page.records.length;
  }

  return {
    records: pages.flatMap((page) => page.records),
    resultCount,
    complete: next >= resultCount,
  };
};

/**
 * Turns the pages of one board search into an outcome.
 *
 * - The precheck (`invalid_input`) first: the same answer means nothing
 *   for a subject the adapter would not have searched.
 * - Any answer that is not a result page ends the check as
 *   `source_unavailable`: `rate_limited` (429), `access_refused`
 *   (401/403), `source_error`, `board_error` (errorCode not "0"),
 *   `unreadable_response`; so do pages that do not chain into one result
 *   set (`result_set_changed`). Never `clear`.
 * - The records are narrowed to the exact license (see
 *   `narrowToLicense`); the keyword's other matches are counted only.
 * - No exact record: `not_found` only when every page was read; when the
 *   board found more than was read, `needs_review` (`results_truncated`);
 *   a record with the same number but another type is `needs_review`
 *   (`license_type_mismatch`).
 * - Two exact records: `needs_review` (`ambiguous_license`).
 * - One: see `classifyLicenseRecord`. If pages were left unread, a
 *   `clear` becomes `needs_review` (an unread page may hold a second
 *   record of the license); adverse outcomes stand.
 *
 * `expiresOn` comes only from that one record, read with every page of
 * the search and under the worker's exact name (`classifyLicenseRecord`);
 * the keyword's other matches never give it, and neither do two records
 * of the number, another type, a partial page set or a failed page.
 *
 * @param answers - the pages in the order read, from `skip` 0
 */
const classifyBoard = (
  subject: Subject,
  answers: readonly ParsedBoardResponse[],
  options: BoardClassifyOptions,
): Classification => {
  const title = options.board.title;
  const invalid = precheckBoard(options.board, subject);
  if (invalid !== null || subject.license === undefined) {
    return invalid ?? { outcome: 'invalid_input', findings: [] };
  }
  if (answers.length === 0) {
    return unavailable(
      finding('no_answer', `No ${title} search was made for this check.`),
    );
  }
  const failure = failureOf(title, answers);
  if (failure !== null) {
    return failure;
  }
  const set = pageSet(
    answers.filter((answer): answer is ResultPage => answer.kind === 'results'),
  );
  if (set === null) {
    return unavailable(
      finding(
        'result_set_changed',
        `The pages of the ${title} search do not add up to one result set.`,
      ),
    );
  }

  const narrowed = narrowToLicense(
    set.records,
    subject.license,
    options.board.licenseTypes,
  );
  const searched = finding('searched', `Searched ${title} by license number.`, {
    resultCount: set.resultCount,
    recordsRead: set.records.length,
    otherLicenses: narrowed.others,
    today: options.today,
  });
  const truncated = finding(
    'results_truncated',
    `${title} found more records than the adapter reads; a person must search the board for this license.`,
    { resultCount: set.resultCount, recordsRead: set.records.length },
  );
  const [record, second] = narrowed.exact;

  if (second !== undefined) {
    return {
      outcome: 'needs_review',
      findings: [
        finding(
          'ambiguous_license',
          `${title} lists the license number more than once.`,
          { records: narrowed.exact.length },
        ),
        searched,
      ],
    };
  }
  if (record === undefined) {
    if (narrowed.otherType.length > 0) {
      return {
        outcome: 'needs_review',
        findings: [
          finding(
            'license_type_mismatch',
            `${title} lists the license number under another license type.`,
            {
              types: narrowed.otherType.map((r) => r.licenseType.slice(0, 60)),
            },
          ),
          searched,
        ],
      };
    }
    if (!set.complete) {
      return { outcome: 'needs_review', findings: [truncated, searched] };
    }

    return {
      outcome: 'not_found',
      findings: [
        finding(
          'license_not_found',
          `${title} has no license with this exact number and type.`,
        ),
        searched,
      ],
    };
  }

  const decided = classifyLicenseRecord(subject, record, options.today);
  if (!set.complete && decided.outcome === 'clear') {
    return { outcome: 'needs_review', findings: [truncated, searched] };
  }

  return {
    outcome: decided.outcome,
    findings: [
      ...decided.findings,
      ...(set.complete ? [] : [truncated]),
      searched,
    ],
    ...(set.complete && decided.expiresOn !== undefined
      ? { expiresOn: decided.expiresOn }
      : {}),
  };
};

export type { BoardClassifyOptions };
export { classifyBoard };
