import type { Outcome } from '../domain/outcome';
import type { SourceId } from '../topology/sources';
import { ADVERSE, CADENCE } from './policy';

/** Inputs that decide when a check is due next. */
interface NextDueInput {
  source: SourceId;
  outcome: Outcome;
  /** Failures in a row, counting this one when it is a failure. */
  consecutiveFailures: number;
  now: Date;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/**
 * When a check is due again after an outcome.
 *
 * `source_unavailable` retries with exponential backoff and full jitter
 * between half and all of the capped delay, so a recovering source is not
 * hit by every check at once; other outcomes follow the policy interval.
 */
const nextDueAt = ({
  source,
  outcome,
  consecutiveFailures,
  now,
  random = Math.random,
}: NextDueInput): Date => {
  const policy = CADENCE[source];

  if (outcome === 'source_unavailable') {
    const exponent = Math.max(0, consecutiveFailures - 1);
    const delay = Math.min(
      policy.retryCapMs,
      policy.retryBaseMs * 2 ** Math.min(exponent, 30),
    );
    const jittered = delay / 2 + (delay / 2) * random();

    return new Date(now.getTime() + Math.round(jittered));
  }

  const interval = ADVERSE.has(outcome)
    ? policy.adverseIntervalMs
    : policy.baseIntervalMs;

  return new Date(now.getTime() + interval);
};

export type { NextDueInput };
export { nextDueAt };
