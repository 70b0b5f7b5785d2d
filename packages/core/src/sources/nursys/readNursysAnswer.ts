import type { SourceResponse } from '../../workflows/perSubjectAdapter';
import { decodeJsonBody, isPlainObject } from '../decodeJsonBody';
import type { NursysFailure } from './types';

/** A response with headers, as the egress client returns it. */
interface NursysResponse extends SourceResponse {
  headers?: Record<string, string>;
}

/**
 * The steps every Nursys answer shares: the status, then the body as a
 * JSON object. HTTP 429 is `rate_limited` (with `Retry-After` as sent),
 * 401 and 403 `credentials_refused`, any other non-2xx `source_error`;
 * error texts are not kept, since they can quote what was asked. An HTML
 * page, an empty body, bytes that are not UTF-8 JSON, or JSON that is not
 * an object are `unreadable`.
 */
const readNursysAnswer = (
  answer: NursysResponse,
): NursysFailure | { value: Record<string, unknown> } => {
  if (answer.status === 429) {
    return {
      kind: 'rate_limited',
      retryAfter: answer.headers?.['retry-after'] ?? null,
    };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { kind: 'credentials_refused', status: answer.status };
  }
  if (answer.status < 200 || answer.status > 299) {
    return { kind: 'source_error', status: answer.status };
  }
  if (answer.contentType.toLowerCase().includes('html')) {
    return { kind: 'unreadable', reason: 'html_body' };
  }

  const decoded = decodeJsonBody(answer.body);
  if (typeof decoded === 'string') {
    return { kind: 'unreadable', reason: decoded };
  }
  if (!isPlainObject(decoded.value)) {
    return { kind: 'unreadable', reason: 'not_an_object' };
  }

  return { value: decoded.value };
};

export type { NursysResponse };
export { readNursysAnswer };
