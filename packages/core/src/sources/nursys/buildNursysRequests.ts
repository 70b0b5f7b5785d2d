import type { Subject } from '../../domain/subject';
import type { EgressRequest } from '../../egress/types';
import { NursysRequestError } from './errors';
import type { NursysLicenseQuery } from './types';

/**
 * The e-Notify API base. The host is *unconfirmed* (SOURCES.md): it is
 * the one FQDN on the allow-list for `nursys`, and changing it means
 * changing both.
 */
const NURSYS_API_BASE = 'https://api.nursys.com/api';

/** The institution's e-Notify credentials, sent as request headers. */
interface NursysCredentials {
  username: string;
  password: string;
}

/**
 * Gives the institution's credentials. Production reads them from Secrets
 * Manager once per cold start; tests and the local run pass fixed fakes.
 */
type NursysCredentialsProvider = () => Promise<NursysCredentials>;

/** A ready Nursys call for the egress client. */
interface NursysRequest extends EgressRequest {
  source: 'nursys';
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  accept: readonly string[];
}

/** The operations of the e-Notify API this adapter uses. */
type NursysOperation = 'nurselookup' | 'notificationlookup';

const credentialHeaders = (
  credentials: NursysCredentials,
  context: Record<string, string>,
): Record<string, string> => {
  if (
    credentials.username.trim() === '' ||
    credentials.password.trim() === ''
  ) {
    throw new NursysRequestError(
      'The Nursys credentials are empty; set the Nursys credentials secret before Nursys checks run',
      { context },
    );
  }

  return { username: credentials.username, password: credentials.password };
};

/**
 * Builds the submit (POST) of one nurse lookup: the license and the
 * worker's name, under `recordId` (the check id), so the answer can be
 * matched to the record.
 *
 * The body and the headers carry a name next to a license number and the
 * institution's password: neither may be logged; log the URL only (it
 * has no query string).
 *
 * @throws NursysRequestError when the credentials are empty
 */
const buildNurseLookupSubmit = (
  subject: Subject,
  license: NursysLicenseQuery,
  recordId: string,
  credentials: NursysCredentials,
): NursysRequest => ({
  source: 'nursys',
  url: `${NURSYS_API_BASE}/nurselookup`,
  method: 'POST',
  headers: {
    ...credentialHeaders(credentials, { subject_id: subject.subjectId }),
    'content-type': 'application/json',
  },
  body: JSON.stringify({
    NurseLookupRequests: [
      {
        RecordId: recordId,
        JurisdictionAbbreviation: license.jurisdiction,
        LicenseNumber: license.licenseNumber,
        LicenseType: license.licenseType,
        FirstName: subject.givenName.trim(),
        LastName: subject.familyName.trim(),
      },
    ],
  }),
  accept: ['application/json'],
});

/**
 * Builds the submit (POST) of a notification lookup: the changes reported
 * for the institution's enrolled nurses from `start` up to `end`.
 *
 * @throws NursysRequestError when the credentials are empty
 */
const buildNotificationLookupSubmit = (
  window: { start: Date; end: Date },
  credentials: NursysCredentials,
): NursysRequest => ({
  source: 'nursys',
  url: `${NURSYS_API_BASE}/notificationlookup`,
  method: 'POST',
  headers: {
    ...credentialHeaders(credentials, { operation: 'notificationlookup' }),
    'content-type': 'application/json',
  },
  body: JSON.stringify({
    StartDate: window.start.toISOString(),
    EndDate: window.end.toISOString(),
  }),
  accept: ['application/json'],
});

/**
 * Builds the poll (GET) of a submitted transaction; the transaction id is
 * the only query parameter and identifies no person.
 *
 * @throws NursysRequestError when the id or the credentials are empty
 */
const buildNursysPoll = (
  operation: NursysOperation,
  transactionId: string,
  credentials: NursysCredentials,
): NursysRequest => {
  if (transactionId.trim() === '') {
    throw new NursysRequestError('A Nursys poll needs a transaction id', {
      context: { operation },
    });
  }
  const url = new URL(`${NURSYS_API_BASE}/${operation}`);
  url.searchParams.set('transactionId', transactionId);

  return {
    source: 'nursys',
    url: url.toString(),
    method: 'GET',
    headers: credentialHeaders(credentials, { operation }),
    accept: ['application/json'],
  };
};

export type {
  NursysCredentials,
  NursysCredentialsProvider,
  NursysOperation,
  NursysRequest,
};
export {
  buildNotificationLookupSubmit,
  buildNurseLookupSubmit,
  buildNursysPoll,
  NURSYS_API_BASE,
};
