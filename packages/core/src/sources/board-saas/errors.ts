import { RovnError } from '../../errors';

/**
 * A board call could not be prepared or routed: the subject has no usable
 * license, or a request names a source that is not a configured board.
 * The message names the check or source, never the license number.
 */
class BoardRequestError extends RovnError {
  override readonly name = 'BoardRequestError';
}

export { BoardRequestError };
