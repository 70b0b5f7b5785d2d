import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNames } from '../../matching/compareNames';
import {
  classifyNursysFailure,
  nursysErrorCodes,
  nursysUnavailable,
} from './classifyNursysFailure';
import { licenseKey, licenseQueryOf } from './licenseKey';
import type {
  NursysLicense,
  NursysNurseRecord,
  ParsedNursysResult,
} from './types';

/** What classification needs besides the subject and the answer. */
interface NursysClassifyOptions {
  /** Today, `YYYY-MM-DD` (UTC), for deciding whether a license expired. */
  today: string;
}

/**
 * Status words that say a license is not in force. A license Nursys
 * calls `Active` whose status says one of these is a contradiction a
 * person must look at, never `clear`.
 */
const NOT_IN_FORCE =
  /inactive|expired|lapsed|revoked|suspend|surrender|void|deceased|retired|cancel|denied|probation|restrict|encumber/i;

/**
 * Status words that say a license is in force. Only these can clear: a
 * status the adapter does not know (or none at all) is not read as "in
 * force" on the strength of the `Active` flag alone.
 */
const IN_FORCE = /^\s*(active|current|clear|valid)\b/i;

const licenseData = (license: NursysLicense): Record<string, unknown> => ({
  jurisdiction: license.jurisdiction,
  licenseType: license.licenseType,
  active: license.active,
  licenseStatus: license.licenseStatus,
  expirationDate: license.expirationDate,
  compactStatus: license.compactStatus,
});

/** A discipline as a finding: dates and codes only, no person. */
const disciplineFindings = (
  record: NursysNurseRecord,
  checked: NursysLicense,
): Finding[] =>
  record.licenses.flatMap((license) =>
    license.disciplines.map((discipline) =>
      finding(
        'discipline',
        `Nursys lists a discipline on a ${license.licenseType} license in ${license.jurisdiction}.`,
        {
          jurisdiction: license.jurisdiction,
          licenseType: license.licenseType,
          onCheckedLicense: license === checked,
          dateOfAction: discipline.dateOfAction,
          againstPrivilegeToPractice: discipline.againstPrivilegeToPractice,
          npdbBasisCodes: discipline.npdbBasisCodes,
          npdbActionCodes: discipline.npdbActionCodes,
          documentIds: discipline.documentIds,
        },
      ),
    ),
  );

/** The name on the record against the worker's (see `compareNames`). */
const identityFindings = (
  subject: Subject,
  record: NursysNurseRecord,
): Finding[] => {
  if (record.givenName === null || record.familyName === null) {
    return [
      finding(
        'name_unverifiable',
        'The Nursys record has no usable first or last name to compare.',
      ),
    ];
  }
  const comparison = compareNames(subject, {
    givenName: record.givenName,
    middleName: record.middleName,
    familyName: record.familyName,
  });
  if (comparison.match === 'none') {
    return [
      finding(
        'name_mismatch',
        'The name on the Nursys record does not match the worker name.',
        { reasons: comparison.reasons },
      ),
    ];
  }
  if (comparison.match === 'probable') {
    return [
      finding(
        'name_partial_match',
        'The name on the Nursys record only partly matches the worker name.',
        { reasons: comparison.reasons },
      ),
    ];
  }

  return [];
};

/** Whether the license is in force today, and what says it is not. */
const standingFindings = (
  license: NursysLicense,
  today: string,
): { lapsed: Finding[]; doubtful: Finding[] } => {
  const data = licenseData(license);
  const lapsed: Finding[] = [];
  const doubtful: Finding[] = [];
  if (!license.active) {
    lapsed.push(
      finding('license_inactive', 'Nursys reports the license inactive.', data),
    );
  }
  if (license.expirationDate !== null && license.expirationDate < today) {
    lapsed.push(
      finding('license_expired', 'The license expired before today.', data),
    );
  }
  if (license.active && license.expirationDate === null) {
    doubtful.push(
      finding(
        'expiration_unknown',
        'Nursys gives no expiration date for the license.',
        data,
      ),
    );
  }
  const status = license.licenseStatus ?? '';
  if (license.active && NOT_IN_FORCE.test(status)) {
    doubtful.push(
      finding(
        'status_conflict',
        'Nursys marks the license active but its status says otherwise.',
        data,
      ),
    );
  } else if (license.active && !IN_FORCE.test(status)) {
    doubtful.push(
      finding(
        'status_unrecognised',
        'Nursys marks the license active with a status the adapter does not know.',
        data,
      ),
    );
  }

  return { lapsed, doubtful };
};

/**
 * Turns a Nursys nurse lookup answer into an outcome, rule by rule:
 *
 * 1. The subject's license must be usable (`licenseQueryOf`), else
 *    `invalid_input`.
 * 2. Anything but a completed lookup is `source_unavailable`
 *    (`transaction_pending`, `rate_limited`, `credentials_refused`,
 *    `source_error`, `unreadable_response`, `transaction_error`), and so is
 *    a record Nursys marked unsuccessful (`lookup_error`, codes only).
 * 3. The checked license is the one whose jurisdiction, type and number
 *    equal the subject's (`licenseKey`). None: `not_found`
 *    (`license_not_found`). More than one: `needs_review`
 *    (`license_ambiguous`).
 * 4. Any discipline on any license of that nurse: `flagged`, one
 *    `discipline` finding each (dates and NPDB codes, no person).
 * 5. A name that does not match or only partly matches
 *    (`name_mismatch`, `name_partial_match`, `name_unverifiable`), an
 *    active license without expiration date (`expiration_unknown`), one
 *    marked active whose status says otherwise (`status_conflict`, e.g.
 *    `Revoked`, `Probation`) or whose status is missing or not a known
 *    in-force word (`status_unrecognised`; known: Active, Current, Clear,
 *    Valid): `needs_review`.
 * 6. Inactive (`license_inactive`) or expired before `today`
 *    (`license_expired`; the expiration day itself still counts):
 *    `expired`.
 * 7. Otherwise `clear`, with `license_active` describing the license.
 *
 * Identity doubts outrank expiry: an expiry is only news once the
 * license is known to be the worker's.
 *
 * `expiresOn` carries the checked license's expiration date when the one
 * matched license is the worker's beyond doubt: rule 3 found exactly one,
 * and rule 5 found no name doubt. The outcome is then whatever that
 * license gives (`clear`, `expired`, `flagged`, or `needs_review` for a
 * status the adapter cannot read, which doubts the standing, not the
 * holder). A name doubt leaves it out even when a discipline flags the
 * nurse, and so do rules 1-3 when they end the check.
 */
const classifyNursys = (
  subject: Subject,
  parsed: ParsedNursysResult,
  options: NursysClassifyOptions,
): Classification => {
  const query = licenseQueryOf(subject);
  if ('outcome' in query) {
    return query;
  }
  if (parsed.kind !== 'complete') {
    return classifyNursysFailure(parsed);
  }
  const failed = parsed.records.filter(
    (record) => !record.successFlag || record.errors.length > 0,
  );
  if (failed.length > 0) {
    return nursysUnavailable(
      finding('lookup_error', 'Nursys could not complete the lookup.', {
        errorCodes: failed.flatMap((record) => nursysErrorCodes(record.errors)),
      }),
    );
  }

  const wanted = licenseKey(query);
  const matches = parsed.records.flatMap((record) =>
    record.licenses
      .filter((license) => licenseKey(license) === wanted)
      .map((license) => ({ record, license })),
  );
  const returned = parsed.records.reduce((n, r) => n + r.licenses.length, 0);
  const [match, ...others] = matches;
  if (match === undefined) {
    return {
      outcome: 'not_found',
      findings: [
        finding(
          'license_not_found',
          'Nursys has no license with this jurisdiction, type and number.',
          {
            jurisdiction: query.jurisdiction,
            licenseType: query.licenseType,
            licensesReturned: returned,
          },
        ),
      ],
    };
  }
  if (others.length > 0) {
    return {
      outcome: 'needs_review',
      findings: [
        finding(
          'license_ambiguous',
          'Nursys lists more than one license with this jurisdiction, type and number.',
          { matches: matches.length },
        ),
      ],
    };
  }

  const { record, license } = match;
  const disciplines = disciplineFindings(record, license);
  const identity = identityFindings(subject, record);
  const { lapsed, doubtful } = standingFindings(license, options.today);
  const findings = [...disciplines, ...identity, ...doubtful, ...lapsed];
  const outcome =
    disciplines.length > 0
      ? 'flagged'
      : identity.length > 0 || doubtful.length > 0
        ? 'needs_review'
        : lapsed.length > 0
          ? 'expired'
          : 'clear';

  const expiresOn =
    identity.length === 0 && license.expirationDate !== null
      ? { expiresOn: license.expirationDate }
      : {};

  return {
    outcome,
    findings:
      outcome === 'clear'
        ? [
            finding(
              'license_active',
              'Nursys reports the license active and unexpired, with no discipline.',
              licenseData(license),
            ),
          ]
        : findings,
    ...expiresOn,
  };
};

export type { NursysClassifyOptions };
export { classifyNursys };
