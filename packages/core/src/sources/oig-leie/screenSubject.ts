import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { compareNormalizedNames } from '../../matching/compareNames';
import { isNearMissDate } from '../../matching/isNearMissDate';
import {
  givenInitial,
  type NormalizedName,
  normalizeName,
} from '../../matching/normalizedName';
import {
  currentDay,
  exclusionData,
  isActive,
  joinableNpi,
  type LeieScreenOptions,
  screeningResult,
} from './leieScreening';
import type { LeieIndex, LeieIndividual, LeieRecord } from './types';

/** One name the subject is screened under: the current, or a former one. */
interface NameVariant {
  name: NormalizedName;
  former: boolean;
}

/** A row's finding and how strong it is: 2 an exclusion, 1 a possible one. */
interface Assessed {
  strength: 1 | 2;
  finding: Finding;
}

/** True when two names have the same family keys, in the same order. */
const sameFamilyKeys = (a: NormalizedName, b: NormalizedName): boolean =>
  a.familyKeys.length === b.familyKeys.length &&
  a.familyKeys.every((key, i) => b.familyKeys[i] === key);

/**
 * The subject's names: the current one first, then each former family
 * name with the same given and middle names. A former name is left out
 * only when its family keys are exactly those of a name already listed:
 * it would then compare the same with every row (a normalised name is
 * only its family keys and its given and middle parts), and the earlier
 * name is the stronger basis. Decision: equal whole keys are not enough:
 * `SMITHJONES` and `SMITH-JONES` share the whole key, but only the
 * hyphenated name is also screened under `SMITH` and `JONES`.
 */
const nameVariants = (subject: Subject): NameVariant[] => {
  const variants: NameVariant[] = [
    { name: normalizeName(subject), former: false },
  ];
  for (const familyName of subject.formerFamilyNames ?? []) {
    const name = normalizeName({ ...subject, familyName });
    if (
      name.familyKeys.length > 0 &&
      variants.every((known) => !sameFamilyKeys(known.name, name))
    ) {
      variants.push({ name, former: true });
    }
  }

  return variants;
};

/**
 * Calls `visit` with every individual that could match `name`: those under
 * each of its family keys whose given name starts with the same letter,
 * and those with no given name. A name without a given name visits every
 * individual under its keys. A row under several keys may be visited more
 * than once.
 *
 * No candidate is lost by the initial: `compareNames` finds two given
 * names compatible only when they share their first letter (same whole,
 * an initial of the other, or the same first word).
 */
const forEachCandidate = (
  name: NormalizedName,
  index: LeieIndex,
  visit: (individual: LeieIndividual) => void,
): void => {
  const initial = givenInitial(name);
  for (const key of name.familyKeys) {
    const bucket = index.byFamilyKey.get(key);
    if (bucket === undefined) continue;
    if (initial === null) {
      for (const individual of bucket.all) visit(individual);
    } else {
      for (const individual of bucket.byInitial.get(initial) ?? []) {
        visit(individual);
      }
      for (const individual of bucket.noGiven) visit(individual);
    }
  }
};

/** Name-matched rows, with the reason each was kept; never a person. */
const assessName = (
  subject: Subject,
  subjectNpi: string | null,
  variant: NameVariant,
  individual: LeieIndividual,
): Assessed | null => {
  const { record } = individual;
  const comparison = compareNormalizedNames(variant.name, individual.name);
  if (comparison.match === 'none') {
    return null;
  }

  const bothDob =
    subject.dateOfBirth !== undefined && record.dateOfBirth !== null;
  const dobDiffers = bothDob && subject.dateOfBirth !== record.dateOfBirth;
  // Decision: the same name with a different date of birth is another
  // person, unless the two dates are one typing slip apart (see
  // `isNearMissDate`): then a person must look, because a mistyped date
  // must not hide an excluded worker.
  const dobNearMiss =
    dobDiffers &&
    isNearMissDate(subject.dateOfBirth ?? '', record.dateOfBirth ?? '');
  if (dobDiffers && !dobNearMiss) {
    return null;
  }
  const npiConflict =
    subjectNpi !== null && record.npi !== null && record.npi !== subjectNpi;

  if (comparison.match === 'exact' && bothDob && !dobDiffers && !npiConflict) {
    return {
      strength: 2,
      finding: finding(
        'exclusion',
        variant.former
          ? `Listed on the OIG LEIE under ${record.exclusionType}; matched by a former name and date of birth.`
          : `Listed on the OIG LEIE under ${record.exclusionType}; matched by name and date of birth.`,
        {
          ...exclusionData(record),
          basis: variant.former ? 'former_name' : 'name_dob',
          ...(variant.former ? { dobConfirmed: true } : {}),
        },
      ),
    };
  }

  return {
    strength: 1,
    finding: finding(
      'possible_exclusion',
      variant.former
        ? 'A LEIE row matches a former name; a person must confirm whether it is this worker.'
        : 'A LEIE row matches the name; a person must confirm whether it is this worker.',
      {
        ...exclusionData(record),
        basis: variant.former ? 'former_name' : 'name',
        nameMatch: comparison.match,
        nameReasons: comparison.reasons,
        dobConfirmed: bothDob && !dobDiffers,
        ...(dobNearMiss ? { dobNearMiss: true } : {}),
        npiConflict,
      },
    ),
  };
};

/** The finding for an active row carrying the subject's NPI. */
const npiFinding = (record: LeieRecord): Finding =>
  record.lastName !== ''
    ? finding(
        'exclusion',
        `Listed on the OIG LEIE under ${record.exclusionType}; matched by NPI.`,
        { ...exclusionData(record), basis: 'npi' },
      )
    : finding(
        'possible_exclusion',
        'An excluded entity on the OIG LEIE carries this NPI; a person must decide whether the exclusion reaches this worker.',
        { ...exclusionData(record), basis: 'entity_npi' },
      );

/**
 * Screens one individual against the LEIE index.
 *
 * - An active individual row with the subject's NPI: `flagged`, basis
 *   `npi` (the `0000000000` placeholder is never joined on).
 * - An active entity row (business name, no last name) with the subject's
 *   NPI: `needs_review`, basis `entity_npi`. Decision: not `flagged`.
 *   The NPI ties the row to this worker, but the party excluded is the
 *   business; whether that bars the worker (a sole proprietor's practice)
 *   or not (a group that listed a member's NPI) is a judgement a person
 *   must make, and OIG's NPIs are not checked by anyone before
 *   publication.
 * - An active individual row whose name matches exactly (see
 *   `compareNames`) with the same date of birth on both sides: `flagged`,
 *   basis `name_dob`.
 * - A name match that the date of birth cannot confirm (missing on either
 *   side, the name only probable, or the row's NPI differing from the
 *   subject's): `needs_review` with `possible_exclusion`, basis `name`. A
 *   name alone is never more than that.
 * - The same name with a different date of birth: another person, no
 *   finding; unless the dates are one typing slip apart (one digit, two
 *   neighbouring digits swapped, or day and month swapped; see
 *   `isNearMissDate`): `needs_review` with `dobNearMiss: true`.
 * - Every former family name (`formerFamilyNames`, with the current given
 *   and middle names) is screened by the same rules, basis `former_name`:
 *   never stronger than the same match under the current name would be.
 *   A row matched under several names gives one finding, the strongest
 *   (an exclusion over a possible one, the current name on a tie).
 * - Rows reinstated on or before `today` are skipped. A waiver does not
 *   lift an exclusion; it is reported in the finding's data.
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
  const findings: Finding[] = [];

  // Rows found by NPI are reported once, not again by name.
  const byNpi = subjectNpi === null ? [] : (index.byNpi.get(subjectNpi) ?? []);
  for (const record of byNpi) {
    if (isActive(record, today)) {
      findings.push(npiFinding(record));
    }
  }

  // Most workers match no row: the map is made only when one does. (The
  // assertion keeps TypeScript from narrowing to `undefined`: the callback
  // assigns it.)
  let best = undefined as Map<LeieRecord, Assessed> | undefined;
  for (const variant of nameVariants(subject)) {
    forEachCandidate(variant.name, index, (individual) => {
      const { record } = individual;
      if (!isActive(record, today) || byNpi.includes(record)) return;
      const assessed = assessName(subject, subjectNpi, variant, individual);
      if (assessed === null) return;
      best ??= new Map();
      const known = best.get(record);
      if (known === undefined || assessed.strength > known.strength) {
        best.set(record, assessed);
      }
    });
  }
  for (const assessed of best?.values() ?? []) findings.push(assessed.finding);

  return screeningResult(findings, index, options);
};

export { screenSubject };
