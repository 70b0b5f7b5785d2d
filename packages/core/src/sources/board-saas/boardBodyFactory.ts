/**
 * Builders of the board SaaS's `registrant/search` answers, with made-up
 * people. The source simulator serves them and tests reuse them, so both
 * speak the format the parser reads.
 *
 * The envelope (`errorCode`, `resultCount`, `result`) is the recorded
 * format. The record's field names are assumed (not yet checked against
 * the live service): a registrant's names, `licenseNumber`,
 * `licenseType`, `licenseStatus`, `issueDate` and `expirationDate`
 * (`Mon-DD-YYYY`), and `hasPublicAction` (true when the board shows a
 * public disciplinary action).
 */

/** The made-up registrant a record describes. */
interface BoardPerson {
  firstName: string | null;
  middleName?: string | null;
  lastName: string | null;
  /** As the board writes it, prefix included (`RN123456`). */
  licenseNumber: string;
}

/** Knobs of one record; every one has a realistic default. */
interface BoardRecordOptions {
  /** Default `RN`. */
  licenseType?: string;
  /** Default `Active`. */
  licenseStatus?: string;
  /** `Mon-DD-YYYY`; default `Jun-14-2016`. */
  issueDate?: string;
  /** `Mon-DD-YYYY` or null; default `Nov-30-2099`. */
  expirationDate?: string | null;
  /** Default false. */
  hasPublicAction?: boolean | null;
  registrantId?: number;
}

/** A record as the SaaS sends it: plain JSON values. */
type BoardRecordJson = Record<string, unknown>;

/**
 * One `result` element with every field the SaaS is assumed to send.
 *
 * @example makeBoardRecord({ firstName: 'ADA', lastName: 'QUILL',
 *   licenseNumber: 'RN123456' }, { licenseStatus: 'Expired' })
 */
const makeBoardRecord = (
  person: BoardPerson,
  options: BoardRecordOptions = {},
): BoardRecordJson => ({
  registrantId: options.registrantId ?? 100_000,
  firstName: person.firstName,
  middleName: person.middleName ?? null,
  lastName: person.lastName,
  licenseNumber: person.licenseNumber,
  licenseType: options.licenseType ?? 'RN',
  licenseTypeDescription:
    (options.licenseType ?? 'RN') === 'RN' ? 'Registered Nurse' : null,
  licenseStatus: options.licenseStatus ?? 'Active',
  issueDate: options.issueDate ?? 'Jun-14-2016',
  expirationDate:
    options.expirationDate === undefined
      ? 'Nov-30-2099'
      : options.expirationDate,
  hasPublicAction:
    options.hasPublicAction === undefined ? false : options.hasPublicAction,
  city: 'TOPEKA',
  state: 'KS',
});

/**
 * A success body for one page: `errorCode` "0", `resultCount` (default:
 * the records given) and the page's records.
 */
const makeBoardBody = (
  records: readonly BoardRecordJson[],
  resultCount: number = records.length,
): BoardRecordJson => ({
  errorCode: '0',
  errorMessage: null,
  resultCount,
  result: [...records],
});

/** An error answer (HTTP 200) with a non-zero `errorCode`. */
const makeBoardErrorBody = (errorCode = '500'): BoardRecordJson => ({
  errorCode,
  errorMessage: 'An error occurred while processing your request.',
  resultCount: 0,
  result: null,
});

export type { BoardPerson, BoardRecordJson, BoardRecordOptions };
export { makeBoardBody, makeBoardErrorBody, makeBoardRecord };
