/**
 * Base of every error core throws on purpose. Subclasses name what failed
 * and carry identifiers (never PHI) plus the `cause`.
 */
class RovnError extends Error {
  override readonly name: string = 'RovnError';
  readonly context: Record<string, string | number | boolean>;

  constructor(
    message: string,
    options: {
      cause?: unknown;
      context?: Record<string, string | number | boolean>;
    } = {},
  ) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.context = options.context ?? {};
  }
}

/** Configuration is missing or invalid; raised at start-up. */
class ConfigError extends RovnError {
  override readonly name = 'ConfigError';
}

/** A message or file does not match its contract. */
class ContractError extends RovnError {
  override readonly name = 'ContractError';
}

/** Wraps anything thrown that is not an Error. */
const toError = (value: unknown): Error =>
  value instanceof Error
    ? value
    : new RovnError('A non-Error value was thrown', {
        context: { type: typeof value },
      });

export { ConfigError, ContractError, RovnError, toError };
