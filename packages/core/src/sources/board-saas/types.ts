/**
 * One registrant record of a board search, normalised. Dates are
 * `YYYY-MM-DD` or null when the board gives none; name parts that are
 * empty or placeholders are null; `hasPublicAction` is null when the board
 * sends the field without a yes or no. Addresses are not kept: the
 * receipt holds the body.
 */
interface BoardRecord {
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  licenseNumber: string;
  licenseType: string;
  licenseStatus: string;
  issueDate: string | null;
  expirationDate: string | null;
  hasPublicAction: boolean | null;
}

/** Where a page sits in the result set it belongs to. */
interface BoardPage {
  skip: number;
  take: number;
}

/**
 * What one board answer says, decided from status and body. `reason`,
 * `errorCode` and the statuses are stable codes that name no person.
 */
type ParsedBoardResponse =
  | {
      kind: 'results';
      /** The board's count of every match of the keyword, all pages. */
      resultCount: number;
      page: BoardPage;
      records: BoardRecord[];
    }
  /** HTTP 429. */
  | { kind: 'rate_limited' }
  /** HTTP 401 or 403 (the board refuses our client, often its agent). */
  | { kind: 'refused'; status: number }
  /** Another non-2xx status. */
  | { kind: 'source_error'; status: number }
  /** HTTP 200 with `errorCode` other than "0". */
  | { kind: 'board_error'; errorCode: string }
  | { kind: 'unreadable'; reason: string };

export type { BoardPage, BoardRecord, ParsedBoardResponse };
