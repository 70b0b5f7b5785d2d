import type { Classification } from '../domain/classification';
import type { Subject } from '../domain/subject';
import type { ConfiguredBoard } from '../sources/board-saas/boards';
import { BOARD_PAGE_SIZE } from '../sources/board-saas/buildBoardRequest';
import { classifyBoard } from '../sources/board-saas/classifyBoard';
import { parseBoardResponse } from '../sources/board-saas/parseBoardResponse';
import type { SourceResponse } from '../workflows/perSubjectAdapter';

/**
 * Classifies one stored board answer with `at` as today, read as the first
 * page of the search (`skip` 0, `take` 10): the receipt's manifest keeps
 * the URL without its query, so a later page's position is not known.
 * A first page of a larger result set replays as `needs_review`
 * (`results_truncated`), never `not_found`.
 *
 * @param board - the board whose rules apply
 */
const replayBoard =
  (board: ConfiguredBoard) =>
  (subject: Subject, response: SourceResponse, at: Date): Classification =>
    classifyBoard(
      subject,
      [parseBoardResponse(response, { skip: 0, take: BOARD_PAGE_SIZE })],
      { board, today: at.toISOString().slice(0, 10) },
    );

export { replayBoard };
