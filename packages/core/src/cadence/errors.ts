import { RovnError } from '../errors';

/** No cadence policy covers a source and credential kind. */
class CadenceError extends RovnError {
  override readonly name = 'CadenceError';
}

export { CadenceError };
