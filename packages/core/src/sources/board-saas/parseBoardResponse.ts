import type { SourceResponse } from '../../workflows/perSubjectAdapter';
import { decodeJsonBody, isPlainObject, schemaReason } from '../decodeJsonBody';
import { boardBodySchema } from './boardSchema';
import type { BoardPage, ParsedBoardResponse } from './types';

const unreadable = (reason: string): ParsedBoardResponse => ({
  kind: 'unreadable',
  reason,
});

/** Error codes are kept only when they look like codes, never as text. */
const errorCodeOf = (value: string): string =>
  /^[A-Za-z0-9_.-]{1,20}$/.test(value) ? value : 'unrecognised';

/** How many records a page at `page` must hold of `resultCount`. */
const expectedLength = (resultCount: number, page: BoardPage): number =>
  Math.max(0, Math.min(page.take, resultCount - page.skip));

const interpret = (value: unknown, page: BoardPage): ParsedBoardResponse => {
  if (!isPlainObject(value)) {
    return unreadable('not_an_object');
  }
  if (!('errorCode' in value)) {
    return unreadable('error_code_missing');
  }
  if (typeof value.errorCode !== 'string') {
    return unreadable('error_code_not_text');
  }
  if (value.errorCode !== '0') {
    return { kind: 'board_error', errorCode: errorCodeOf(value.errorCode) };
  }

  const parsed = boardBodySchema.safeParse(value);
  if (!parsed.success) {
    return unreadable(schemaReason(parsed.error));
  }
  const { resultCount, result } = parsed.data;
  if (result.length !== expectedLength(resultCount, page)) {
    return unreadable('result_count_mismatch');
  }

  return { kind: 'results', resultCount, page, records: result };
};

/**
 * Reads one page of a board's `registrant/search` answer.
 *
 * HTTP 429 is `rate_limited`, 401 and 403 `refused` (the SaaS answers a
 * refused user agent with 403), any other non-2xx a `source_error`. A 2xx
 * body must be JSON `{"errorCode":"0","resultCount":N,"result":[...]}`:
 * another `errorCode` is a `board_error`; HTML, an empty body, bytes that
 * are not UTF-8 or JSON, a missing or renamed field, a number sent as a
 * string (or the reverse), an unreadable date, or a page whose length is
 * not what `resultCount`, `skip` and `take` call for are `unreadable`.
 * Error texts are not kept: they can quote the keyword, a license number.
 *
 * Never throws: an unexpected failure is also `unreadable`.
 *
 * @param answer - status, content type and the exact bytes received
 * @param page - the `skip` and `take` the request asked for
 */
const parseBoardResponse = (
  answer: SourceResponse,
  page: BoardPage,
): ParsedBoardResponse => {
  try {
    if (answer.status === 429) {
      return { kind: 'rate_limited' };
    }
    if (answer.status === 401 || answer.status === 403) {
      return { kind: 'refused', status: answer.status };
    }
    if (answer.status < 200 || answer.status > 299) {
      return { kind: 'source_error', status: answer.status };
    }
    if (answer.contentType.toLowerCase().includes('html')) {
      return unreadable('html_body');
    }

    const decoded = decodeJsonBody(answer.body);

    return typeof decoded === 'string'
      ? unreadable(decoded)
      : interpret(decoded.value, page);
  } catch {
    return unreadable('parser_failure');
  }
};

export { parseBoardResponse };
