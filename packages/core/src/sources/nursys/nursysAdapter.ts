/** Bump when Nursys parsing or classification rules change. */
const NURSYS_ADAPTER_VERSION = 'nursys-1';

/**
 * How a lookup is polled inside one adapter invocation, and how long a
 * transaction may stay pending in all before it is given up.
 */
const NURSYS_POLLING = {
  /** Polls per invocation; past them the check ends `transaction_pending`. */
  maxPolls: 5,
  /** First wait before a poll; doubles each time. */
  firstDelayMs: 500,
  /** Largest single wait. */
  maxDelayMs: 4_000,
  /** Time the polls of one invocation may take in all. */
  budgetMs: 30_000,
  /** A transaction pending this long is abandoned (`transaction_expired`). */
  pendingLimitMs: 24 * 3_600_000,
} as const;

/** The polling bounds, as options the workflows take. */
type NursysPolling = { -readonly [K in keyof typeof NURSYS_POLLING]: number };

export type { NursysPolling };
export { NURSYS_ADAPTER_VERSION, NURSYS_POLLING };
