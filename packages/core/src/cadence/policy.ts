import type { Outcome } from '../domain/outcome';
import type { SourceId } from '../topology/sources';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How often one source is re-verified, by outcome. */
interface CadencePolicy {
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
}

/**
 * The re-verification policy, one entry per source. Exclusion lists are
 * screened at least monthly (federal rule for Medicaid programs; NCQA);
 * the window is what a compliance officer holds us to.
 */
const CADENCE: Record<SourceId, CadencePolicy> = {
  nppes: {
    baseIntervalMs: 30 * DAY,
    adverseIntervalMs: 7 * DAY,
    retryBaseMs: 15 * 60_000,
    retryCapMs: 12 * HOUR,
    windowMs: 120 * DAY,
  },
  'oig-leie': {
    baseIntervalMs: 28 * DAY,
    adverseIntervalMs: 7 * DAY,
    retryBaseMs: 15 * 60_000,
    retryCapMs: 12 * HOUR,
    windowMs: 30 * DAY,
  },
};

/** Outcomes that are re-checked at the adverse interval. */
const ADVERSE: ReadonlySet<Outcome> = new Set(['flagged', 'needs_review']);

export type { CadencePolicy };
export { ADVERSE, CADENCE, DAY, HOUR };
