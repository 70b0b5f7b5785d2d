import type { Finding } from './finding';
import type { Outcome } from './outcome';

/** What a source classifier decides about one subject. */
interface Classification {
  outcome: Outcome;
  findings: Finding[];
  /**
   * The earliest time (ISO 8601) the check may run again, when the source
   * says so (a spent daily quota); the cadence never schedules it sooner.
   */
  notBefore?: string;
  /**
   * The credential's expiration day (`YYYY-MM-DD`) as the primary source
   * reports it; the store writes it into the credential's `expires_on`,
   * which plans the expiry checks and reminders.
   *
   * Set only when the classifier is sure the record it read is this
   * worker's credential: exactly one record is the credential, the name
   * on it matches the worker's, and nothing left unread could hold
   * another. That is the record behind a `clear`, `expired` or `flagged`
   * outcome, or a `needs_review` that doubts the license's standing (a
   * status word the adapter does not know, no word on public actions),
   * never one that doubts whose license it is. Absent for `not_found`,
   * `source_unavailable`, `invalid_input`, an identity doubt, several
   * records of the license (they may disagree) and a record without a
   * date. Each classifier's TSDoc states its rule.
   */
  expiresOn?: string;
}

export type { Classification };
