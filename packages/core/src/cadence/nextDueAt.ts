import type { Outcome } from '../domain/outcome';
import { cadencePolicyFor } from './cadencePolicyFor';
import { nextExpiryCheck } from './nextExpiryCheck';
import { ADVERSE, type CredentialKind } from './policy';

/** Inputs that decide when a check is due next. */
interface NextDueInput {
  source: string;
  credentialKind: CredentialKind;
  /** The credential's expiry date (`YYYY-MM-DD`), or null. */
  expiresOn: string | null;
  outcome: Outcome;
  /** Failures in a row, counting this one when it is a failure. */
  consecutiveFailures: number;
  now: Date;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/**
 * When a check is due again after an outcome, from its cadence policy.
 *
 * `source_unavailable` retries with exponential backoff and jitter
 * between half and all of the capped delay, so a recovering source is not
 * hit by every check at once; `flagged` and `needs_review` come back at
 * the adverse interval, everything else at the base interval. An expiry
 * check of the policy that falls sooner wins.
 */
const nextDueAt = ({
  source,
  credentialKind,
  expiresOn,
  outcome,
  consecutiveFailures,
  now,
  random = Math.random,
}: NextDueInput): Date => {
  const policy = cadencePolicyFor(source, credentialKind);

  let delay: number;
  if (outcome === 'source_unavailable') {
    const exponent = Math.min(Math.max(0, consecutiveFailures - 1), 30);
    const capped = Math.min(
      policy.retryCapMs,
      policy.retryBaseMs * 2 ** exponent,
    );
    delay = Math.round(capped / 2 + (capped / 2) * random());
  } else {
    delay = ADVERSE.has(outcome)
      ? policy.adverseIntervalMs
      : policy.baseIntervalMs;
  }
  const byOutcome = new Date(now.getTime() + delay);

  const expiryCheck =
    expiresOn === null || policy.expiryCheckDays.length === 0
      ? null
      : nextExpiryCheck(expiresOn, policy.expiryCheckDays, now);

  return expiryCheck !== null && expiryCheck < byOutcome
    ? expiryCheck
    : byOutcome;
};

export type { NextDueInput };
export { nextDueAt };
