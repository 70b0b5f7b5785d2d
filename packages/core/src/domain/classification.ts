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
}

export type { Classification };
