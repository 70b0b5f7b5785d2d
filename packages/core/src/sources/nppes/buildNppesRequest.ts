import type { Subject } from '../../domain/subject';
import type { EgressRequest } from '../../egress/types';
import { isValidNpi } from '../../npi/isValidNpi';
import { NppesRequestError } from './errors';

/** The registry API endpoint; its host must be on the egress allow-list. */
const NPPES_API_URL = 'https://npiregistry.cms.hhs.gov/api/';

/** A ready NPPES call for the egress client. */
interface NppesRequest extends EgressRequest {
  source: 'nppes';
  method: 'GET';
  accept: readonly string[];
}

/**
 * Builds the NPPES lookup by number for a subject.
 *
 * Only `version` and `number` are sent. `use_first_name_alias` is left
 * out on purpose: it only widens searches by first name, and a lookup by
 * number sends no name, so the parameter would change nothing while
 * adding one more thing the API could reject. Names are compared by us,
 * after the answer.
 *
 * @throws NppesRequestError when the subject has no valid NPI; call
 *   `precheckNppes` first, which turns that into `invalid_input`.
 */
const buildNppesRequest = (subject: Subject): NppesRequest => {
  const npi = subject.npi;
  if (npi === undefined || !isValidNpi(npi)) {
    throw new NppesRequestError(
      `Subject ${subject.subjectId} has no valid NPI; run precheckNppes before building the NPPES request`,
      { context: { subject_id: subject.subjectId } },
    );
  }

  const url = new URL(NPPES_API_URL);
  url.searchParams.set('version', '2.1');
  url.searchParams.set('number', npi);

  return {
    source: 'nppes',
    url: url.toString(),
    method: 'GET',
    accept: ['application/json'],
  };
};

export type { NppesRequest };
export { buildNppesRequest, NPPES_API_URL };
