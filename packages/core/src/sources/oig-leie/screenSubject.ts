import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNames } from '../../matching/compareNames';
import { familyNameKeys } from '../../matching/familyNameKeys';
import { LEIE_NO_NPI } from './leieColumns';
import type { LeieIndex, LeieRecord } from './types';

/** What screening needs to know besides the subject and the list. */
interface LeieScreenOptions {
  /** Date of the list screened against (`YYYY-MM-DD`), for the audit trail. */
  listDate: string;
  /**
   * Today (`YYYY-MM-DD`, UTC) for deciding whether a reinstatement date has
   * passed. Defaults to the current date.
   */
  today?: string;
}

const currentDay = (): string => new Date().toISOString().slice(0, 10);

/** The subject's NPI if it can be joined on: ten digits, never all zero. */
const joinableNpi = (npi: string | undefined): string | null => {
  const trimmed = npi?.trim() ?? '';

  return /^[0-9]{10}$/.test(trimmed) && trimmed !== LEIE_NO_NPI
    ? trimmed
    : null;
};

/** A row whose reinstatement date has come is no longer an exclusion. */
const isActive = (record: LeieRecord, today: string): boolean =>
  record.reinstatementDate === null || record.reinstatementDate > today;

const exclusionData = (record: LeieRecord): Record<string, unknown> => ({
  exclusionType: record.exclusionType,
  exclusionDate: record.exclusionDate,
  row: record.row,
  ...(record.waiverDate === null
    ? {}
    : { waiverDate: record.waiverDate, waiverState: record.waiverState }),
});

/** Name-matched rows, with the reason each was kept; never a person. */
const nameFinding = (
  subject: Subject,
  subjectNpi: string | null,
  record: LeieRecord,
): Finding | null => {
  const comparison = compareNames(subject, {
    givenName: record.firstName,
    middleName: record.middleName,
    familyName: record.lastName,
  });
  if (comparison.match === 'none') {
    return null;
  }

  const bothDob =
    subject.dateOfBirth !== undefined && record.dateOfBirth !== null;
  // Decision: the same name with a different date of birth is another
  // person, so the row gives no finding. OIG advises confirming a name
  // match; two recorded, differing dates of birth are that confirmation.
  if (bothDob && subject.dateOfBirth !== record.dateOfBirth) {
    return null;
  }
  const npiConflict =
    subjectNpi !== null && record.npi !== null && record.npi !== subjectNpi;

  if (comparison.match === 'exact' && bothDob && !npiConflict) {
    return finding(
      'exclusion',
      `Listed on the OIG LEIE under ${record.exclusionType}; matched by name and date of birth.`,
      { ...exclusionData(record), basis: 'name_dob' },
    );
  }

  return finding(
    'possible_exclusion',
    'A LEIE row matches the name; a person must confirm whether it is this worker.',
    {
      ...exclusionData(record),
      basis: 'name',
      nameMatch: comparison.match,
      nameReasons: comparison.reasons,
      dobConfirmed: bothDob,
      npiConflict,
    },
  );
};

const nameCandidates = (subject: Subject, index: LeieIndex): LeieRecord[] => {
  const found = new Set<LeieRecord>();
  for (const key of familyNameKeys(subject.familyName)) {
    for (const record of index.byFamilyKey.get(key) ?? []) {
      found.add(record);
    }
  }

  return [...found];
};

/**
 * Screens one individual against the LEIE index.
 *
 * - An active row with the subject's NPI: `flagged`, basis `npi` (the
 *   `0000000000` placeholder is never joined on).
 * - An active individual row whose name matches exactly (see
 *   `compareNames`) with the same date of birth on both sides: `flagged`,
 *   basis `name_dob`.
 * - A name match that the date of birth cannot confirm (missing on either
 *   side, the name only probable, or the row's NPI differing from the
 *   subject's): `needs_review` with `possible_exclusion`. A name alone is
 *   never more than that.
 * - The same name with a different date of birth: another person, no
 *   finding.
 * - Rows reinstated on or before `today`, and entities (no last name),
 *   are skipped. A waiver does not lift an exclusion; it is reported in the
 *   finding's data.
 *
 * Every outcome ends with a `screened` finding carrying the list date and
 * row count, so even a `clear` says what it was checked against.
 */
const screenSubject = (
  subject: Subject,
  index: LeieIndex,
  options: LeieScreenOptions,
): Classification => {
  const today = options.today ?? currentDay();
  const subjectNpi = joinableNpi(subject.npi);
  const seen = new Set<LeieRecord>();
  const findings: Finding[] = [];

  const byNpi = subjectNpi === null ? [] : (index.byNpi.get(subjectNpi) ?? []);
  for (const record of byNpi) {
    seen.add(record);
    if (record.lastName !== '' && isActive(record, today)) {
      findings.push(
        finding(
          'exclusion',
          `Listed on the OIG LEIE under ${record.exclusionType}; matched by NPI.`,
          { ...exclusionData(record), basis: 'npi' },
        ),
      );
    }
  }
  for (const record of nameCandidates(subject, index)) {
    if (!seen.has(record) && isActive(record, today)) {
      const found = nameFinding(subject, subjectNpi, record);
      if (found !== null) {
        findings.push(found);
      }
    }
  }

  const flagged = findings.some((found) => found.code === 'exclusion');
  const outcome = flagged
    ? 'flagged'
    : findings.length > 0
      ? 'needs_review'
      : 'clear';
  const screened = finding(
    'screened',
    'Screened against the OIG LEIE full list.',
    { listDate: options.listDate, rowCount: index.rowCount },
  );

  return { outcome, findings: [...findings, screened] };
};

export type { LeieScreenOptions };
export { screenSubject };
