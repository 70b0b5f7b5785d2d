/**
 * Days before a credential's expiry on which its holder and facilities
 * are reminded: the license cadence's expiry check days that fall before
 * or on the expiry day (`CADENCE_POLICY`; a test keeps the two equal), so
 * a reminder follows a fresh check. Day 0 is the day it expires; after
 * that the source reports it `expired`.
 *
 * Note: a constant, not read from the policy at load time, because the
 * store and the cadence modules import each other.
 */
const EXPIRY_NOTICE_DAYS: readonly number[] = [90, 60, 30, 14, 7, 3, 0];

/** A credential with an expiry date. */
interface ExpiringCredential {
  credentialId: string;
  /** `YYYY-MM-DD`, a calendar day. */
  expiresOn: string;
}

/** One reminder that is due today. */
interface ExpiryNoticeDue {
  credentialId: string;
  expiresOn: string;
  /** The day mark reached; with `expiresOn`, the notice's window. */
  mark: number;
  /** Whole days from today to the expiry day. */
  daysUntilExpiry: number;
}

const DAY_MS = 86_400_000;

const dayNumber = (isoDay: string): number =>
  Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);

/**
 * The reminders due on `today`: for each credential, the closest day mark
 * it has reached (the smallest mark not below its days left), so each
 * mark is one window. A run that missed a day still sends the mark it
 * missed, and never the earlier marks it has already passed; a credential
 * first seen 5 days before expiry gets the 7-day reminder only.
 *
 * The caller dedupes on (credential, expiresOn, mark): a renewed
 * credential with a new expiry date starts its marks afresh.
 */
const expiryNoticesDue = (
  credentials: readonly ExpiringCredential[],
  today: string,
): ExpiryNoticeDue[] => {
  const todayNumber = dayNumber(today);
  const due: ExpiryNoticeDue[] = [];

  for (const credential of credentials) {
    const days = dayNumber(credential.expiresOn) - todayNumber;
    if (Number.isNaN(days) || days < 0) continue;
    const reached = EXPIRY_NOTICE_DAYS.filter((mark) => mark >= days);
    const mark = reached[reached.length - 1];
    if (mark === undefined) continue;
    due.push({
      credentialId: credential.credentialId,
      expiresOn: credential.expiresOn,
      mark,
      daysUntilExpiry: days,
    });
  }

  return due;
};

export type { ExpiringCredential, ExpiryNoticeDue };
export { EXPIRY_NOTICE_DAYS, expiryNoticesDue };
