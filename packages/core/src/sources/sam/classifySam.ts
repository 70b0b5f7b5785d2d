import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNames } from '../../matching/compareNames';
import { isValidNpi } from '../../npi/isValidNpi';
import type { SamAction, SamAnswer, SamExclusion } from './types';

/** What classification needs besides the subject and the answers. */
interface SamClassifyOptions {
  /** Today, `YYYY-MM-DD` (UTC), for deciding whether an exclusion ended. */
  today: string;
}

/** The one outcome a spent daily quota gives. */
const QUOTA_DETAIL =
  'The SAM.gov daily API quota is spent; the check is rescheduled to the next UTC day, not retried now.';

const unavailable = (found: Finding): Classification => ({
  outcome: 'source_unavailable',
  findings: [found],
});

/**
 * An action is over once its termination date has come, unless it says
 * `Indefinite`; an action with no termination date never ended.
 */
const actionActive = (action: SamAction, today: string): boolean =>
  action.indefinite ||
  action.terminationDate === null ||
  action.terminationDate > today;

/**
 * An exclusion stands while any of its actions does. One without actions
 * cannot be shown to have ended, so it stands too.
 */
const isActive = (exclusion: SamExclusion, today: string): boolean =>
  exclusion.actions.length === 0 ||
  exclusion.actions.some((action) => actionActive(action, today));

const isIndividual = (exclusion: SamExclusion): boolean =>
  /^individual$/i.test(exclusion.classificationType ?? '') ||
  (exclusion.classificationType === null && exclusion.lastName !== null);

const exclusionData = (exclusion: SamExclusion): Record<string, unknown> => ({
  classificationType: exclusion.classificationType,
  exclusionType: exclusion.exclusionType,
  exclusionProgram: exclusion.exclusionProgram,
  excludingAgencyCode: exclusion.excludingAgencyCode,
  activateDates: exclusion.actions.map((action) => action.activateDate),
  indefinite: exclusion.actions.some((action) => action.indefinite),
});

const npiFinding = (exclusion: SamExclusion): Finding =>
  finding(
    'exclusion',
    `Listed on SAM.gov as excluded (${exclusion.exclusionType ?? 'type not given'}); matched by NPI.`,
    { ...exclusionData(exclusion), basis: 'npi' },
  );

/** A name match is never more than a possible exclusion: SAM has no DOB. */
const nameFinding = (
  subject: Subject,
  subjectNpi: string | null,
  exclusion: SamExclusion,
): Finding | null => {
  if (!isIndividual(exclusion)) {
    return null;
  }
  const comparison = compareNames(subject, {
    givenName: exclusion.firstName,
    middleName: exclusion.middleName,
    familyName: exclusion.lastName,
  });
  if (comparison.match === 'none') {
    return null;
  }

  return finding(
    'possible_exclusion',
    'A SAM.gov exclusion matches the name; a person must confirm whether it is this worker.',
    {
      ...exclusionData(exclusion),
      basis: 'name',
      nameMatch: comparison.match,
      nameReasons: comparison.reasons,
      npiConflict:
        subjectNpi !== null &&
        exclusion.npi !== null &&
        exclusion.npi !== subjectNpi,
    },
  );
};

/**
 * `source_unavailable` with `quota_exhausted`: SAM.gov answered 429, or
 * the day's call budget in the store has no room (`reason`).
 */
const samQuotaExhausted = (data: Record<string, unknown>): Classification =>
  unavailable(finding('quota_exhausted', QUOTA_DETAIL, data));

/** The first answer that is not a result list, as `source_unavailable`. */
const failureOf = (answers: readonly SamAnswer[]): Classification | null => {
  for (const { query, parsed } of answers) {
    switch (parsed.kind) {
      case 'results':
        break;
      case 'quota_exhausted':
        return samQuotaExhausted({ query, reason: 'http_429' });
      case 'credentials_refused':
        return unavailable(
          finding(
            'credentials_refused',
            'SAM.gov refused the API key; replace the key in the SAM API key secret.',
            { query, status: parsed.status },
          ),
        );
      case 'source_error':
        return unavailable(
          finding('source_error', 'SAM.gov answered with an error status.', {
            query,
            status: parsed.status,
          }),
        );
      case 'unreadable':
        return unavailable(
          finding(
            'unreadable_response',
            'SAM.gov answered in a shape the adapter does not understand.',
            { query, reason: parsed.reason },
          ),
        );
    }
  }

  return null;
};

/**
 * Turns the SAM.gov answers of one check into an outcome.
 *
 * - Any answer that is not a result list ends the check as
 *   `source_unavailable`: `quota_exhausted` (429), `credentials_refused`
 *   (401/403), `source_error`, `unreadable_response`. Never `clear`.
 * - Exclusions whose every action ended (termination date on or before
 *   `today`, and not `Indefinite`) are skipped.
 * - A standing exclusion with the worker's NPI: `flagged`, basis `npi`.
 * - A standing individual exclusion whose name matches (see
 *   `compareNames`): `needs_review` with `possible_exclusion`; a name
 *   alone is never more.
 * - A lookup that reported more records than it returned: `needs_review`
 *   (`results_truncated`), since unseen records could match.
 * - Otherwise `clear`, with a `screened` finding naming the lookups.
 *
 * @param answers - one per lookup made (see `samLookups`)
 */
const classifySam = (
  subject: Subject,
  answers: readonly SamAnswer[],
  options: SamClassifyOptions,
): Classification => {
  if (answers.length === 0) {
    return unavailable(
      finding('no_answer', 'No SAM.gov lookup was made for this check.'),
    );
  }
  const failure = failureOf(answers);
  if (failure !== null) {
    return failure;
  }
  const subjectNpi =
    subject.npi !== undefined && isValidNpi(subject.npi) ? subject.npi : null;

  const findings: Finding[] = [];
  // Both lookups can return the same record; it counts once.
  const seen = new Set<string>();
  for (const { query, parsed } of answers) {
    if (parsed.kind !== 'results') continue;
    for (const exclusion of parsed.exclusions) {
      const key = JSON.stringify(exclusion);
      if (seen.has(key) || !isActive(exclusion, options.today)) continue;
      seen.add(key);
      const found =
        subjectNpi !== null && exclusion.npi === subjectNpi
          ? npiFinding(exclusion)
          : nameFinding(subject, subjectNpi, exclusion);
      if (found !== null) findings.push(found);
    }
    if (parsed.totalRecords > parsed.exclusions.length) {
      findings.push(
        finding(
          'results_truncated',
          'SAM.gov found more records than one page holds; a person must search SAM.gov for this worker.',
          { query, totalRecords: parsed.totalRecords },
        ),
      );
    }
  }

  const outcome = findings.some((found) => found.code === 'exclusion')
    ? 'flagged'
    : findings.length > 0
      ? 'needs_review'
      : 'clear';
  const screened = finding('screened', 'Searched SAM.gov exclusions.', {
    lookups: answers.map((answer) => answer.query),
    today: options.today,
  });

  return { outcome, findings: [...findings, screened] };
};

export type { SamClassifyOptions };
export { classifySam, samQuotaExhausted };
