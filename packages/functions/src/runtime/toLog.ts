import type { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '@rovn/core';

/** Core's logging surface over a Powertools logger. */
const toLog = (logger: Logger): Log => ({
  debug: (message, attributes = {}) => logger.debug(message, attributes),
  info: (message, attributes = {}) => logger.info(message, attributes),
  warn: (message, attributes = {}) => logger.warn(message, attributes),
  error: (message, attributes = {}) => logger.error(message, attributes),
});

export { toLog };
