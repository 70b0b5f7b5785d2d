import { RovnError } from '../errors';

/**
 * A notice could not be rendered or SES refused it. The message names the
 * notice and the failing step, never the address; the original error is
 * the `cause`.
 */
class NoticeDeliveryError extends RovnError {
  override readonly name = 'NoticeDeliveryError';
}

/** An SES feedback message has neither known shape. */
class SesFeedbackError extends RovnError {
  override readonly name = 'SesFeedbackError';
}

export { NoticeDeliveryError, SesFeedbackError };
