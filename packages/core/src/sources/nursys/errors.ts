import { RovnError } from '../../errors';

/**
 * A Nursys call could not be prepared (no credentials, a subject without
 * a usable license). The message names the check or subject id, never the
 * license number or the credentials.
 */
class NursysRequestError extends RovnError {
  override readonly name = 'NursysRequestError';
}

export { NursysRequestError };
