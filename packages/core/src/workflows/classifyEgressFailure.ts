import type { Classification } from '../domain/classification';
import { finding } from '../domain/finding';
import { EgressRefusedError } from '../egress/errors';

/**
 * Turns a failed source call into `source_unavailable`. A refusal by
 * policy says `egress_refused`; a transient failure (timeout, reset, DNS)
 * says `source_unreachable`. Neither is ever `clear`.
 */
const classifyEgressFailure = (error: unknown): Classification => {
  if (error instanceof EgressRefusedError) {
    return {
      outcome: 'source_unavailable',
      findings: [
        finding(
          error.retryable ? 'source_unreachable' : 'egress_refused',
          `The source could not be reached (rule ${error.rule})`,
          { rule: error.rule },
        ),
      ],
    };
  }

  return {
    outcome: 'source_unavailable',
    findings: [
      finding(
        'source_unreachable',
        'The source call failed before an answer arrived',
        { error: error instanceof Error ? error.name : typeof error },
      ),
    ],
  };
};

export { classifyEgressFailure };
