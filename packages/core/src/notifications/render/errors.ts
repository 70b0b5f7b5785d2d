import { RovnError } from '../../errors';

/**
 * A notice does not match its schema. The message lists field paths and
 * rule names only: the values may be names or addresses and stay out.
 *
 * Note: it extends RovnError, not ContractError, because ContractError's
 * `name` is typed as its literal and cannot be overridden by a subclass.
 */
class InvalidNoticeError extends RovnError {
  override readonly name = 'InvalidNoticeError';
}

/**
 * A notice kind was addressed to a role that must not receive it (a
 * possible match to the worker, a source outage to anyone but an operator).
 */
class NoticeRecipientError extends RovnError {
  override readonly name = 'NoticeRecipientError';
}

/** The MIME message could not be built from a rendered notice. */
class MimeCompositionError extends RovnError {
  override readonly name = 'MimeCompositionError';
}

export { InvalidNoticeError, MimeCompositionError, NoticeRecipientError };
