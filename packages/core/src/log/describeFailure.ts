import { RovnError } from '../errors';
import { redactPhi } from './redactPhi';

/** A failure as it may be stored and shown to operators. */
interface FailureDescription {
  name: string;
  message: string;
}

/** Longest message kept; a reason, not a dump. */
const MAX_MESSAGE_LENGTH = 500;
const REDACTED = '[redacted]';

/**
 * Shapes that could be PHI in a message we did not write: dates in the
 * formats the sources use, e-mail addresses, and long digit runs (SSNs,
 * license or phone numbers).
 */
const PHI_SHAPES = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/g,
  /\b(?:19|20)\d{6}\b/g,
  /[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi,
  /\b\d{9,}\b/g,
];

// Third-party messages quote the offending value (`invalid input syntax
// for type date: "1980-02-03"`): whatever is quoted is dropped.
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`/g;

const errorNamesWeWrite = new Set(['ParsingError']);

/**
 * The name and message of a failure, safe to store and to print next to a
 * message id. Core's own errors carry identifiers, never PHI, so they are
 * kept (masked as log lines are); messages of anything else are masked
 * harder, since a driver or SDK may quote the value it choked on.
 *
 * @param error - whatever a handler threw
 */
const describeFailure = (error: unknown): FailureDescription => {
  if (!(error instanceof Error)) {
    return { name: 'NonError', message: `A ${typeof error} was thrown` };
  }

  const ours = error instanceof RovnError || errorNamesWeWrite.has(error.name);
  let message = String(redactPhi(error.message));
  if (!ours) message = message.replace(QUOTED, REDACTED);
  for (const shape of PHI_SHAPES) message = message.replace(shape, REDACTED);
  if (message.length > MAX_MESSAGE_LENGTH) {
    message = `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  }

  return { name: error.name.slice(0, 100) || 'Error', message };
};

export type { FailureDescription };
export { describeFailure };
