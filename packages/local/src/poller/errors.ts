import { RovnError } from '../../../core/src/errors';

/** Queues still held messages when the drain deadline passed. */
class DrainTimeoutError extends RovnError {
  override readonly name = 'DrainTimeoutError';
}

/** SQS handed the poller a message it cannot turn into a Lambda record. */
class PollerMessageError extends RovnError {
  override readonly name = 'PollerMessageError';
}

export { DrainTimeoutError, PollerMessageError };
