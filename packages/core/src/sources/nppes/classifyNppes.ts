import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNames } from '../../matching/compareNames';
import { isAbsentNamePart } from '../../matching/normalizeNamePart';
import { precheckNppes } from './precheckNppes';
import type { NppesError, NppesRecord, ParsedNppesResponse } from './types';

/** Source error texts are kept short: they go into stored findings. */
const MAX_DESCRIPTION_LENGTH = 200;

const unavailable = (found: Finding): Classification => ({
  outcome: 'source_unavailable',
  findings: [found],
});

const errorData = (error: NppesError): Record<string, string> => ({
  ...(error.number === undefined ? {} : { number: error.number }),
  ...(error.field === undefined ? {} : { field: error.field }),
  ...(error.description === undefined
    ? {}
    : { description: error.description.slice(0, MAX_DESCRIPTION_LENGTH) }),
});

/** Findings that say the record may not be this worker's. */
const identityFindings = (subject: Subject, record: NppesRecord): Finding[] => {
  if (record.enumerationType === 'NPI-2') {
    return [
      finding(
        'entity_record',
        'The NPI belongs to an organisation, not to an individual.',
      ),
    ];
  }

  const { firstName, lastName, middleName } = record.basic;
  if (isAbsentNamePart(firstName) || isAbsentNamePart(lastName)) {
    return [
      finding(
        'name_unverifiable',
        'The registry record has no usable first or last name to compare.',
      ),
    ];
  }

  const comparison = compareNames(subject, {
    givenName: firstName,
    middleName,
    familyName: lastName,
  });
  if (comparison.match === 'probable') {
    return [
      finding(
        'name_partial_match',
        'The registry name only partly matches the worker name.',
        { reasons: comparison.reasons },
      ),
    ];
  }
  if (comparison.match === 'none') {
    return [
      finding(
        'name_mismatch',
        'The registry name does not match the worker name.',
        { reasons: comparison.reasons },
      ),
    ];
  }

  return [];
};

const classifyRecord = (
  subject: Subject,
  record: NppesRecord,
): Classification => {
  const identity = identityFindings(subject, record);
  const inactive =
    record.basic.status === 'A'
      ? []
      : [
          finding('npi_inactive', 'The registry lists the NPI as inactive.', {
            status: record.basic.status,
          }),
        ];

  // Identity first: "expired" would tell people that this worker's NPI
  // lapsed, which is only true once the record is known to be theirs.
  if (identity.length > 0) {
    return { outcome: 'needs_review', findings: [...identity, ...inactive] };
  }
  if (inactive.length > 0) {
    return { outcome: 'expired', findings: inactive };
  }

  return {
    outcome: 'clear',
    findings: [
      finding('npi_active', 'The registry lists the NPI as active.', {
        enumerationType: record.enumerationType,
        lastUpdatedEpochMs: record.lastUpdatedEpochMs,
      }),
    ],
  };
};

const classifyResults = (
  subject: Subject,
  npi: string,
  results: readonly NppesRecord[],
): Classification => {
  const [record] = results;
  if (record === undefined) {
    return {
      outcome: 'not_found',
      findings: [
        finding(
          'npi_not_found',
          'NPPES has no record for this NPI; deactivated NPIs are not listed.',
        ),
      ],
    };
  }

  if (results.length > 1 || record.number !== npi) {
    return unavailable(
      finding(
        'unexpected_record',
        'NPPES answered a lookup by number with a different record.',
        { resultCount: results.length },
      ),
    );
  }

  return classifyRecord(subject, record);
};

/**
 * Turns a parsed NPPES answer into an outcome for the subject.
 *
 * In order: the NPI precheck (`invalid_input`); an HTTP error status or
 * an `Errors` answer (`source_unavailable`, `source_error`) or an
 * unreadable body (`source_unavailable`, `unreadable_response`: never
 * `clear` from an answer not understood); no result (`not_found`); a
 * result for another number, or several (`source_unavailable`,
 * `unexpected_record`); then the record:
 * an organisation record (`entity_record`), registry names missing
 * (`name_unverifiable`), a partial or failed name match
 * (`name_partial_match`, `name_mismatch`) all give `needs_review`; an
 * inactive status gives `expired`; otherwise `clear`.
 *
 * Findings carry reason codes and statuses, never names or dates of birth.
 */
const classifyNppes = (
  subject: Subject,
  parsed: ParsedNppesResponse,
): Classification => {
  const invalid = precheckNppes(subject);
  if (invalid !== null) {
    return invalid;
  }
  // The precheck passed, so the NPI is present; '' could never match a
  // record and would end as `unexpected_record`, not `clear`.
  const npi = subject.npi ?? '';

  switch (parsed.kind) {
    case 'errors':
      return unavailable(
        finding('source_error', 'NPPES answered with an error report.', {
          errors: parsed.errors.map(errorData),
        }),
      );
    case 'source_error':
      return unavailable(
        finding('source_error', 'NPPES answered with an error status.', {
          status: parsed.status,
        }),
      );
    case 'unreadable':
      return unavailable(
        finding(
          'unreadable_response',
          'NPPES answered in a shape the adapter does not understand.',
          { reason: parsed.reason },
        ),
      );
    case 'results':
      return classifyResults(subject, npi, parsed.results);
  }
};

export { classifyNppes };
