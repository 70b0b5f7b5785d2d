/**
 * The logging surface core code needs. Powertools' Logger satisfies it in
 * the Lambdas; the local stack and the container tier pass their own.
 *
 * Attributes use stable snake_case keys (`check_id`, `source`, `outcome`,
 * `receipt_key`) and must never carry PHI.
 */
interface Log {
  debug(message: string, attributes?: Record<string, unknown>): void;
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

/** A logger that drops everything, for tests of pure code paths. */
const silentLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export type { Log };
export { silentLog };
