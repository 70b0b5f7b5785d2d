import type { SourceResponse } from '../../workflows/perSubjectAdapter';
import { decodeJsonBody, isPlainObject, schemaReason } from '../decodeJsonBody';
import { samBodySchema } from './samSchema';
import type { ParsedSamResponse } from './types';

const unreadable = (reason: string): ParsedSamResponse => ({
  kind: 'unreadable',
  reason,
});

const interpret = (value: unknown): ParsedSamResponse => {
  if (!isPlainObject(value)) {
    return unreadable('not_an_object');
  }
  if (!('totalRecords' in value)) {
    return unreadable('total_records_missing');
  }
  const parsed = samBodySchema.safeParse(value);
  if (!parsed.success) {
    return unreadable(schemaReason(parsed.error));
  }
  const { totalRecords } = parsed.data;
  const exclusions = parsed.data.excludedEntity ?? [];
  if (parsed.data.excludedEntity == null && totalRecords > 0) {
    return unreadable('excluded_entity_missing');
  }
  if (exclusions.length > totalRecords) {
    return unreadable('total_records_mismatch');
  }

  return { kind: 'results', totalRecords, exclusions };
};

/**
 * Reads a SAM.gov Exclusions API v4 answer.
 *
 * HTTP 429 is the daily quota (`quota_exhausted`), 401 and 403 a refused
 * key (`credentials_refused`), any other non-2xx a `source_error`. Error
 * texts are not kept: a 400's message can quote the query, which holds
 * the worker's name. A 2xx body must be JSON with `totalRecords` and, when
 * that is above zero, `excludedEntity`; each entity needs its details,
 * identification and list of actions, with dates SAM.gov's way
 * (`MM-DD-YYYY`, see `parseSamDate`). HTML, an empty body, bytes that are
 * not UTF-8 or JSON, an unreadable date, or more entities than the count
 * are `unreadable`. Fewer entities than the count is a partial page, kept
 * as such for the classifier.
 *
 * Never throws: an unexpected failure is also `unreadable`.
 *
 * @param answer - status, content type and the exact bytes received
 */
const parseSamResponse = (answer: SourceResponse): ParsedSamResponse => {
  try {
    if (answer.status === 429) {
      return { kind: 'quota_exhausted' };
    }
    if (answer.status === 401 || answer.status === 403) {
      return { kind: 'credentials_refused', status: answer.status };
    }
    if (answer.status < 200 || answer.status > 299) {
      return { kind: 'source_error', status: answer.status };
    }
    if (answer.contentType.toLowerCase().includes('html')) {
      return unreadable('html_body');
    }

    const decoded = decodeJsonBody(answer.body);

    return typeof decoded === 'string'
      ? unreadable(decoded)
      : interpret(decoded.value);
  } catch {
    return unreadable('parser_failure');
  }
};

export { parseSamResponse };
