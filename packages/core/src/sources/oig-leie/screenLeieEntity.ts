import type { Classification } from '../../domain/classification';
import type { EntitySubject } from '../../domain/entitySubject';
import { type Finding, finding } from '../../domain/finding';
import { businessNameKeys } from '../../matching/businessNameKeys';
import {
  currentDay,
  exclusionData,
  isActive,
  joinableNpi,
  type LeieScreenOptions,
  screeningResult,
} from './leieScreening';
import type { LeieIndex, LeieRecord } from './types';

const npiFinding = (record: LeieRecord): Finding =>
  record.businessName !== ''
    ? finding(
        'exclusion',
        `Listed on the OIG LEIE under ${record.exclusionType}; matched by NPI.`,
        { ...exclusionData(record), basis: 'npi' },
      )
    : finding(
        'possible_exclusion',
        'An excluded individual on the OIG LEIE carries this NPI; a person must decide whether it concerns this entity.',
        { ...exclusionData(record), basis: 'individual_npi' },
      );

const nameFinding = (record: LeieRecord, subjectNpi: string | null): Finding =>
  finding(
    'possible_exclusion',
    'A LEIE entity row matches the business name; a person must confirm whether it is this entity.',
    {
      ...exclusionData(record),
      basis: 'entity_name',
      npiConflict:
        subjectNpi !== null && record.npi !== null && record.npi !== subjectNpi,
    },
  );

/**
 * Screens one entity (a facility, a staffing agency) against the LEIE
 * index.
 *
 * - An active row with a business name and the entity's NPI: `flagged`,
 *   basis `npi`, whatever its name says (a business renames; its NPI
 *   stays). That covers "name and NPI both match". The `0000000000`
 *   placeholder is never joined on.
 * - An active row of an individual (no business name) with the entity's
 *   NPI: `needs_review`, basis `individual_npi`: a person's row cannot
 *   establish that the business is excluded.
 * - An active row whose business name gives the same key as the entity's
 *   (see `businessNameKeys`: designators such as LLC, INC and CORP, and
 *   punctuation, do not matter), without the NPI to confirm it:
 *   `needs_review`, basis `entity_name`, with `npiConflict` when the row
 *   carries another NPI. A name alone is never more than that.
 * - Rows reinstated on or before `today` are skipped.
 *
 * Every outcome ends with a `screened` finding, as for individuals.
 */
const screenLeieEntity = (
  subject: EntitySubject,
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
    if (isActive(record, today)) {
      findings.push(npiFinding(record));
    }
  }
  for (const key of businessNameKeys(subject.entityName)) {
    for (const record of index.byBusinessName.get(key) ?? []) {
      if (!seen.has(record) && isActive(record, today)) {
        seen.add(record);
        findings.push(nameFinding(record, subjectNpi));
      }
    }
  }

  return screeningResult(findings, index, options);
};

export { screenLeieEntity };
