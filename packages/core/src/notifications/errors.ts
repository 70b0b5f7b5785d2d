import { RovnError } from '../errors';

/**
 * A notice could not be rendered or SES refused it. The message names the
 * notice and the failing step, never the address; the original error is
 * the `cause`.
 */
class NoticeDeliveryError extends RovnError {
  override readonly name = 'NoticeDeliveryError';
}

/**
 * Another notifier holds a fresh reservation of the notice: it is sending
 * it now, or it died before marking it sent. Retryable: the message comes
 * back, and by then the notice is sent (nothing more to do) or its
 * reservation is stale and is taken over.
 */
class NoticeInFlightError extends RovnError {
  override readonly name = 'NoticeInFlightError';
}

/** An SES feedback message has neither known shape. */
class SesFeedbackError extends RovnError {
  override readonly name = 'SesFeedbackError';
}

export { NoticeDeliveryError, NoticeInFlightError, SesFeedbackError };
