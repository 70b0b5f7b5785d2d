import type { Outcome } from '../domain/outcome';
import type { NewCredential } from '../store/schema';
import type { SourceId } from '../topology/sources';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The kinds of credential a check can be about. */
type CredentialKind = NewCredential['kind'];

/**
 * What makes a check due besides its interval: `new-list` when a bulk
 * source loads a new list, `change-notice` when the source reports a
 * change for the subject (Nursys e-Notify).
 */
type CadenceTrigger = 'new-list' | 'change-notice';

/** How one source re-verifies one kind of credential. */
interface CadencePolicy {
  /** The source, or `'*'` for every source of this credential kind. */
  source: SourceId | '*';
  credential: CredentialKind;
  /** Interval after a conclusive outcome (`clear`, `expired`, `not_found`). */
  baseIntervalMs: number;
  /** Sooner re-check while something adverse or uncertain stands. */
  adverseIntervalMs: number;
  /** First retry delay after `source_unavailable`; doubles per failure. */
  retryBaseMs: number;
  /** Upper bound of the retry delay. */
  retryCapMs: number;
  /** A check not verified for this long is overdue (compliance window). */
  windowMs: number;
  /**
   * Extra checks this many days before the credential's `expires_on`
   * (0 = the day itself; a negative number falls after it).
   */
  expiryCheckDays: readonly number[];
  triggers: readonly CadenceTrigger[];
  /** Why the window is what it is, for the README table. */
  basis: string;
}

const RETRY = { retryBaseMs: 15 * 60_000, retryCapMs: 12 * HOUR } as const;

/**
 * The re-verification policy: one entry per source and credential kind,
 * the single place these numbers live. Base intervals sit a little inside
 * the window so a few failed attempts still end inside it.
 *
 * A source-specific entry wins over a `'*'` entry of the same kind: a
 * license source such as Nursys is one more entry here (its own floor
 * interval and `change-notice` trigger), and inherits nothing by accident.
 */
const CADENCE_POLICY: readonly CadencePolicy[] = [
  {
    source: 'oig-leie',
    credential: 'exclusion_screen',
    baseIntervalMs: 28 * DAY,
    adverseIntervalMs: 7 * DAY,
    ...RETRY,
    windowMs: 30 * DAY,
    expiryCheckDays: [],
    triggers: ['new-list'],
    basis: 'exclusions at least monthly (Medicaid rule, NCQA)',
  },
  {
    // Every call spends a small daily quota: retries start later and back
    // off further, so an outage does not burn the day's budget.
    source: 'sam',
    credential: 'exclusion_screen',
    baseIntervalMs: 28 * DAY,
    adverseIntervalMs: 7 * DAY,
    retryBaseMs: 1 * HOUR,
    retryCapMs: 24 * HOUR,
    windowMs: 30 * DAY,
    expiryCheckDays: [],
    triggers: [],
    basis: 'exclusions at least monthly (Medicaid rule, NCQA)',
  },
  {
    source: 'nppes',
    credential: 'npi',
    baseIntervalMs: 30 * DAY,
    adverseIntervalMs: 7 * DAY,
    ...RETRY,
    windowMs: 120 * DAY,
    expiryCheckDays: [],
    triggers: [],
    basis: 'primary-source verification at most 120 days old (NCQA)',
  },
  {
    // Nursys reports changes (status, discipline) daily; the interval is a
    // floor that re-verifies even when no notice came. Expiry checks are
    // listed again: a source entry inherits nothing from the '*' entry.
    source: 'nursys',
    credential: 'license',
    baseIntervalMs: 28 * DAY,
    adverseIntervalMs: 7 * DAY,
    ...RETRY,
    windowMs: 30 * DAY,
    expiryCheckDays: [90, 60, 30, 14, 7, 3, 0, -1],
    triggers: ['change-notice'],
    basis: 'license expirations reviewed at least monthly (NCQA)',
  },
  {
    source: '*',
    credential: 'license',
    baseIntervalMs: 28 * DAY,
    adverseIntervalMs: 7 * DAY,
    ...RETRY,
    windowMs: 30 * DAY,
    // The expiry reminders are sent on these days too (`expiryNoticesDue`
    // reads them here), so a reminder follows a fresh check; the day after
    // confirms the expiry at the source.
    expiryCheckDays: [90, 60, 30, 14, 7, 3, 0, -1],
    triggers: [],
    basis: 'license expirations reviewed at least monthly (NCQA)',
  },
];

/** Outcomes that are re-checked at the adverse interval. */
const ADVERSE: ReadonlySet<Outcome> = new Set(['flagged', 'needs_review']);

/**
 * Outcomes that count as a verification: the source was consulted and
 * answered. A failure or invalid input leaves the last verification as
 * it was, so it can run out of its window.
 */
const VERIFIED_OUTCOMES: readonly Outcome[] = [
  'clear',
  'flagged',
  'needs_review',
  'expired',
  'not_found',
];

export type { CadencePolicy, CadenceTrigger, CredentialKind };
export { ADVERSE, CADENCE_POLICY, DAY, HOUR, VERIFIED_OUTCOMES };
