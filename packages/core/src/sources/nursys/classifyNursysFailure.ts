import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { NursysFailure } from './types';

/** `source_unavailable` with one finding. */
const nursysUnavailable = (found: Finding): Classification => ({
  outcome: 'source_unavailable',
  findings: [found],
});

/** The codes of Nursys errors; their texts can quote what was asked. */
const nursysErrorCodes = (
  errors: readonly { code: string | null }[],
): string[] => errors.map((error) => error.code ?? 'unknown');

/**
 * Every answer that is not a completed lookup, as `source_unavailable`.
 * Transaction errors are never `invalid_input`: Nursys's error vocabulary
 * is unconfirmed, a wrong `invalid_input` would stop the retries, and the
 * subject's own data is already checked before any call (see
 * `licenseQueryOf`). Only error codes are kept; their texts can quote the
 * license number and name.
 */
const classifyNursysFailure = (
  parsed: NursysFailure | { kind: 'pending'; transactionId: string },
): Classification => {
  switch (parsed.kind) {
    case 'pending':
      return nursysUnavailable(
        finding(
          'transaction_pending',
          'Nursys has not finished the lookup; it is asked again later.',
        ),
      );
    case 'rate_limited':
      return nursysUnavailable(
        finding('rate_limited', 'Nursys asked us to slow down (HTTP 429).', {
          retryAfter: parsed.retryAfter,
        }),
      );
    case 'credentials_refused':
      return nursysUnavailable(
        finding(
          'credentials_refused',
          'Nursys refused the institution credentials; replace them in the Nursys credentials secret.',
          { status: parsed.status },
        ),
      );
    case 'source_error':
      return nursysUnavailable(
        finding('source_error', 'Nursys answered with an error status.', {
          status: parsed.status,
        }),
      );
    case 'unreadable':
      return nursysUnavailable(
        finding(
          'unreadable_response',
          'Nursys answered in a shape the adapter does not understand.',
          { reason: parsed.reason },
        ),
      );
    case 'transaction_failed':
      return nursysUnavailable(
        finding(
          'transaction_error',
          'Nursys did not accept the lookup transaction.',
          { errorCodes: nursysErrorCodes(parsed.errors) },
        ),
      );
  }
};

export { classifyNursysFailure, nursysErrorCodes, nursysUnavailable };
