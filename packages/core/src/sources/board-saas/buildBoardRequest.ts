import type { Subject } from '../../domain/subject';
import type { EgressRequest } from '../../egress/types';
import type { BoardSourceId, ConfiguredBoard } from './boards';
import { BoardRequestError } from './errors';
import type { BoardPage } from './types';

/**
 * Records asked for per page. The SaaS's own search page asks for 10;
 * larger pages are not known to be honoured.
 */
const BOARD_PAGE_SIZE = 10;

/**
 * Pages one check may read (50 records). A keyword matching more than
 * that is not narrowed further: the check ends `needs_review`.
 */
const BOARD_MAX_PAGES = 5;

/** A ready board search call for the egress client. */
interface BoardRequest extends EgressRequest {
  source: BoardSourceId;
  method: 'GET';
  accept: readonly string[];
}

/**
 * Builds the search for one page of a subject's license number.
 *
 * The keyword is the license number as the worker's credential holds it;
 * the board matches it as a substring, so the answer is narrowed to the
 * exact number by the classifier. The query string holds the number: log
 * and store the URL only through `redactUrl`. No user agent is set here:
 * the egress client sends the tier's own, which the SaaS accepts (it
 * refuses a missing one and curl's default).
 *
 * @throws BoardRequestError when the subject has no license number (run
 *   `precheckBoard` first)
 */
const buildBoardRequest = (
  board: ConfiguredBoard,
  subject: Subject,
  page: BoardPage,
): BoardRequest => {
  const keyword = subject.license?.number.trim() ?? '';
  if (keyword === '') {
    throw new BoardRequestError(
      `Subject ${subject.subjectId} has no license number for a ${board.id} search`,
      { context: { subject_id: subject.subjectId, source: board.id } },
    );
  }

  const url = new URL(`https://${board.host}${board.searchPath}`);
  url.searchParams.set('keyword', keyword);
  url.searchParams.set('skip', String(page.skip));
  url.searchParams.set('take', String(page.take));

  return {
    source: board.id,
    url: url.toString(),
    method: 'GET',
    accept: ['application/json'],
  };
};

export type { BoardRequest };
export { BOARD_MAX_PAGES, BOARD_PAGE_SIZE, buildBoardRequest };
