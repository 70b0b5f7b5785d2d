import type { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '@rovn/core';

/**
 * Core's logging surface over a Powertools logger, with `keys` added to
 * every line. Cheaper than `logger.createChild`, which copies the whole
 * logger: per record that cost more than the rest of the batch.
 */
const toLog = (logger: Logger, keys: Record<string, unknown> = {}): Log => ({
  debug: (message, attributes = {}) =>
    logger.debug(message, { ...keys, ...attributes }),
  info: (message, attributes = {}) =>
    logger.info(message, { ...keys, ...attributes }),
  warn: (message, attributes = {}) =>
    logger.warn(message, { ...keys, ...attributes }),
  error: (message, attributes = {}) =>
    logger.error(message, { ...keys, ...attributes }),
});

export { toLog };
