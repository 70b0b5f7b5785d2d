import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNames } from '../../matching/compareNames';
import { statusMeaning } from './boardStatus';
import type { BoardRecord } from './types';

/** Status words are the board's; long ones are cut, never names. */
const statusOf = (record: BoardRecord): string =>
  record.licenseStatus.slice(0, 60);

/** What the record says, without the number or the name. */
const recordData = (record: BoardRecord): Record<string, unknown> => ({
  licenseType: record.licenseType.slice(0, 60),
  status: statusOf(record),
  expirationDate: record.expirationDate,
  hasPublicAction: record.hasPublicAction,
});

/** Findings that say the license may not be this worker's. */
const identityFindings = (subject: Subject, record: BoardRecord): Finding[] => {
  if (record.firstName === null || record.lastName === null) {
    return [
      finding(
        'name_unverifiable',
        'The board record has no first or last name to compare.',
      ),
    ];
  }

  const comparison = compareNames(subject, {
    givenName: record.firstName,
    middleName: record.middleName,
    familyName: record.lastName,
  });
  if (comparison.match === 'exact') {
    return [];
  }

  return [
    comparison.match === 'probable'
      ? finding(
          'name_partial_match',
          'The board lists the license under a name that only partly matches the worker name.',
          { reasons: comparison.reasons },
        )
      : finding(
          'name_mismatch',
          'The board lists the license under a name that does not match the worker name.',
          { reasons: comparison.reasons },
        ),
  ];
};

/** Findings of adverse facts on the record, strongest first. */
const adverseFindings = (record: BoardRecord, today: string): Finding[] => {
  const meaning = statusMeaning(record.licenseStatus);
  const found: Finding[] = [];
  if (record.hasPublicAction === true || meaning === 'disciplinary') {
    found.push(
      finding(
        'discipline',
        'The board reports a public action or a disciplinary status on the license.',
        recordData(record),
      ),
    );
  }
  if (meaning === 'inactive') {
    found.push(
      finding(
        'license_inactive',
        'The board lists the license as not active.',
        recordData(record),
      ),
    );
  } else if (record.expirationDate !== null && record.expirationDate < today) {
    found.push(
      finding(
        'license_expired',
        'The license expiration date has passed.',
        recordData(record),
      ),
    );
  }

  return found;
};

/** Findings of what the record leaves unknown, which `clear` needs. */
const unknownFindings = (record: BoardRecord): Finding[] => [
  ...(statusMeaning(record.licenseStatus) === 'unknown'
    ? [
        finding(
          'license_status_unknown',
          'The board uses a license status the adapter does not know.',
          recordData(record),
        ),
      ]
    : []),
  ...(record.hasPublicAction === null
    ? [
        finding(
          'discipline_unknown',
          'The board did not say whether the license has a public action.',
        ),
      ]
    : []),
  ...(record.expirationDate === null
    ? [
        finding(
          'expiration_unknown',
          'The board gives no expiration date for the license.',
        ),
      ]
    : []),
];

/**
 * Classifies the one record that is the subject's license.
 *
 * Identity first: a record under another name (or a partly matching one,
 * or none) is `needs_review`, with any adverse facts alongside, since
 * "flagged" or "expired" would speak about this worker. Then a public
 * action or disciplinary status is `flagged`; an inactive, expired or
 * lapsed status, or an expiration date before `today`, is `expired`; a
 * status the adapter does not know, or no word on public actions or
 * expiration, is `needs_review`; only then `clear`.
 *
 * `expiresOn` is the record's expiration date once the name has matched
 * exactly, whatever the outcome the record then gives; never beside an
 * identity doubt. (`classifyBoard` drops it when pages were left unread.)
 *
 * @param today - `YYYY-MM-DD`; the license is valid through its
 *   expiration day
 */
const classifyLicenseRecord = (
  subject: Subject,
  record: BoardRecord,
  today: string,
): Classification => {
  const identity = identityFindings(subject, record);
  const adverse = adverseFindings(record, today);
  if (identity.length > 0) {
    return { outcome: 'needs_review', findings: [...identity, ...adverse] };
  }

  const expiresOn =
    record.expirationDate === null ? {} : { expiresOn: record.expirationDate };
  if (adverse.some((found) => found.code === 'discipline')) {
    return { outcome: 'flagged', findings: adverse, ...expiresOn };
  }
  if (adverse.length > 0) {
    return { outcome: 'expired', findings: adverse, ...expiresOn };
  }
  const unknown = unknownFindings(record);
  if (unknown.length > 0) {
    return { outcome: 'needs_review', findings: unknown, ...expiresOn };
  }

  return {
    outcome: 'clear',
    findings: [
      finding(
        'license_active',
        'The board lists the license as active, unexpired, without public action.',
        recordData(record),
      ),
    ],
    ...expiresOn,
  };
};

export { classifyLicenseRecord };
