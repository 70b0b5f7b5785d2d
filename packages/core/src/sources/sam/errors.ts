import { RovnError } from '../../errors';

/**
 * A SAM.gov call could not be prepared (for example the API key provider
 * gave nothing). The message names the check or secret, never the key.
 */
class SamRequestError extends RovnError {
  override readonly name = 'SamRequestError';
}

export { SamRequestError };
