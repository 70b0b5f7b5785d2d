import type { Finding } from './finding';
import type { Outcome } from './outcome';

/** What a source classifier decides about one subject. */
interface Classification {
  outcome: Outcome;
  findings: Finding[];
}

export type { Classification };
