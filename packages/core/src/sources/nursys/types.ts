import type { NURSYS_LICENSE_TYPES } from './licenseKey';

/** One of the license types Nursys e-Notify reports. */
type NursysLicenseType = (typeof NURSYS_LICENSE_TYPES)[number];

/** One error Nursys attached to a transaction or to one lookup record. */
interface NursysError {
  /** The code as sent, or null; codes name no person. */
  code: string | null;
}

/**
 * One discipline on a license, normalised. Dates are `YYYY-MM-DD`. The
 * document ids point at the board's documents; they are not PHI.
 */
interface NursysDiscipline {
  dateOfAction: string | null;
  againstPrivilegeToPractice: boolean | null;
  npdbBasisCodes: string[];
  npdbActionCodes: string[];
  documentIds: string[];
}

/** One license of a nurse as Nursys reports it, normalised. */
interface NursysLicense {
  jurisdiction: string;
  licenseNumber: string;
  licenseType: string;
  active: boolean;
  licenseStatus: string | null;
  /** `YYYY-MM-DD`, the calendar day as written by the source. */
  originalDate: string | null;
  /** `YYYY-MM-DD`, the calendar day as written by the source. */
  expirationDate: string | null;
  compactStatus: string | null;
  disciplines: NursysDiscipline[];
}

/** The answer for one submitted lookup record: a nurse and her licenses. */
interface NursysNurseRecord {
  recordId: string | null;
  successFlag: boolean;
  errors: NursysError[];
  givenName: string | null;
  middleName: string | null;
  familyName: string | null;
  licenses: NursysLicense[];
}

/**
 * Failures shared by every Nursys answer, decided from status and body.
 * `reason` codes are stable and name no person.
 */
type NursysFailure =
  /** HTTP 429; `retryAfter` is the header as sent, when there was one. */
  | { kind: 'rate_limited'; retryAfter: string | null }
  /** HTTP 401 or 403: the institution's credentials were refused. */
  | { kind: 'credentials_refused'; status: number }
  /** Another non-2xx status. */
  | { kind: 'source_error'; status: number }
  /** A 2xx body the parser does not understand. */
  | { kind: 'unreadable'; reason: string }
  /** `TransactionSuccessFlag` false: Nursys refused the transaction. */
  | { kind: 'transaction_failed'; errors: NursysError[] };

/** What a submit (POST) answer says. */
type ParsedNursysTransaction =
  | { kind: 'submitted'; transactionId: string }
  | NursysFailure;

/** What a nurse lookup result (GET) answer says. */
type ParsedNursysResult =
  /** `ProcessingCompleteFlag` false: ask again later. */
  | { kind: 'pending'; transactionId: string }
  | { kind: 'complete'; transactionId: string; records: NursysNurseRecord[] }
  | NursysFailure;

/** One change a notification lookup reports. */
interface NursysNotification {
  jurisdiction: string;
  licenseNumber: string;
  licenseType: string;
  /** What changed, as sent (`LicenseStatus`, `Discipline`, ...). */
  notificationType: string | null;
  notificationDate: string | null;
}

/** What a notification lookup result (GET) answer says. */
type ParsedNursysNotifications =
  | { kind: 'pending'; transactionId: string }
  | {
      kind: 'complete';
      transactionId: string;
      notifications: NursysNotification[];
    }
  | NursysFailure;

/** The license of a subject, as a lookup needs it. */
interface NursysLicenseQuery {
  jurisdiction: string;
  licenseNumber: string;
  licenseType: NursysLicenseType;
}

export type {
  NursysDiscipline,
  NursysError,
  NursysFailure,
  NursysLicense,
  NursysLicenseQuery,
  NursysLicenseType,
  NursysNotification,
  NursysNurseRecord,
  ParsedNursysNotifications,
  ParsedNursysResult,
  ParsedNursysTransaction,
};
