import { decodeJsonBody, isPlainObject, schemaReason } from '../decodeJsonBody';
import { nppesErrorsBodySchema, nppesResultsBodySchema } from './nppesSchema';
import type { NppesHttpAnswer, ParsedNppesResponse } from './types';

const unreadable = (reason: string): ParsedNppesResponse => ({
  kind: 'unreadable',
  reason,
});

const interpret = (value: unknown): ParsedNppesResponse => {
  if (!isPlainObject(value)) {
    return unreadable('not_an_object');
  }
  const hasErrors = 'Errors' in value;
  const hasResults = 'results' in value || 'result_count' in value;
  if (hasErrors && hasResults) {
    return unreadable('errors_and_results');
  }

  if (hasErrors) {
    const parsed = nppesErrorsBodySchema.safeParse(value);

    return parsed.success
      ? { kind: 'errors', errors: parsed.data.Errors }
      : unreadable(schemaReason(parsed.error));
  }
  if (!('result_count' in value)) {
    return unreadable('result_count_missing');
  }
  if (!('results' in value)) {
    return unreadable('results_missing');
  }
  const parsed = nppesResultsBodySchema.safeParse(value);
  if (!parsed.success) {
    return unreadable(schemaReason(parsed.error));
  }
  if (parsed.data.result_count !== parsed.data.results.length) {
    return unreadable('result_count_mismatch');
  }

  return { kind: 'results', results: parsed.data.results };
};

/**
 * Reads an NPPES answer. A non-2xx status is a `source_error` whatever the
 * body, as for the other sources. Otherwise the body decides: NPPES
 * reports errors with HTTP 200 and an `Errors` array. Anything not
 * understood (HTML, empty, not UTF-8 or JSON, a count that disagrees with
 * the results, a record missing its number or status) is `unreadable`.
 *
 * The content type is only used to refuse HTML: the body is sniffed
 * either way, so a JSON body sent as `text/plain` is still read, while an
 * HTML page sent as `application/json` is still refused.
 *
 * Never throws: an unexpected failure is also `unreadable`.
 *
 * @param answer - status, content type and the exact bytes received
 */
const parseNppesResponse = (answer: NppesHttpAnswer): ParsedNppesResponse => {
  try {
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

export { parseNppesResponse };
