import type { Subject } from '../../domain/subject';
import type { EgressRequest } from '../../egress/types';
import { isValidNpi } from '../../npi/isValidNpi';
import { SamRequestError } from './errors';
import type { SamQuery } from './types';

/** The Exclusions API v4 endpoint; its host is on the egress allow-list. */
const SAM_EXCLUSIONS_URL =
  'https://api.sam.gov/entity-information/v4/exclusions';

/**
 * Gives the SAM.gov API key. Production reads it from Secrets Manager once
 * per cold start; tests and the local run pass a fixed fake key.
 */
type SamApiKeyProvider = () => Promise<string>;

/** A ready SAM.gov call for the egress client. */
interface SamRequest extends EgressRequest {
  source: 'sam';
  method: 'GET';
  accept: readonly string[];
}

/**
 * The lookups one check makes: by NPI when the worker has a valid one (an
 * exclusion listed under the NPI is found even under another name), and
 * always by name, for individuals (most exclusions carry no NPI).
 */
const samLookups = (subject: Subject): SamQuery[] =>
  subject.npi !== undefined && isValidNpi(subject.npi)
    ? ['npi', 'name']
    : ['name'];

/**
 * Builds one SAM.gov lookup for a subject.
 *
 * The API takes the key as the `api_key` query parameter (GET only), so
 * the URL is a secret and identifying: it must only ever be logged or
 * stored through `redactUrl`, which drops the query string. `size` 10 is
 * the largest page; a lookup with more records than that is not cleared
 * (see `classifySam`).
 *
 * @throws SamRequestError when the key is empty, or an NPI lookup is
 *   asked for a subject without a valid NPI (use `samLookups`)
 */
const buildSamRequest = (
  subject: Subject,
  query: SamQuery,
  apiKey: string,
): SamRequest => {
  if (apiKey.trim() === '') {
    throw new SamRequestError(
      'The SAM.gov API key is empty; set the SAM API key secret before SAM checks run',
      { context: { subject_id: subject.subjectId } },
    );
  }

  const url = new URL(SAM_EXCLUSIONS_URL);
  url.searchParams.set('api_key', apiKey);
  if (query === 'npi') {
    if (subject.npi === undefined || !isValidNpi(subject.npi)) {
      throw new SamRequestError(
        `Subject ${subject.subjectId} has no valid NPI for a SAM.gov NPI lookup`,
        { context: { subject_id: subject.subjectId } },
      );
    }
    url.searchParams.set('npi', subject.npi);
  } else {
    url.searchParams.set(
      'exclusionName',
      `${subject.givenName.trim()} ${subject.familyName.trim()}`,
    );
    url.searchParams.set('classification', 'Individual');
  }
  url.searchParams.set('page', '0');
  url.searchParams.set('size', '10');

  return {
    source: 'sam',
    url: url.toString(),
    method: 'GET',
    accept: ['application/json'],
  };
};

export type { SamApiKeyProvider, SamRequest };
export { buildSamRequest, SAM_EXCLUSIONS_URL, samLookups };
