import { RovnError } from '../../../core/src/errors';

/** The outbox folder or one of its files could not be written. */
class OutboxWriteError extends RovnError {
  override readonly name = 'OutboxWriteError';
}

/** moto's state dump could not be read or did not have the expected shape. */
class MotoMailReadError extends RovnError {
  override readonly name = 'MotoMailReadError';
}

export { MotoMailReadError, OutboxWriteError };
