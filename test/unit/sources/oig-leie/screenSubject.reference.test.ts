import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../../packages/core/src/domain/classification';
import type { Subject } from '../../../../packages/core/src/domain/subject';
import { compareNames } from '../../../../packages/core/src/matching/compareNames';
import { isNearMissDate } from '../../../../packages/core/src/matching/isNearMissDate';
import { buildLeieIndex } from '../../../../packages/core/src/sources/oig-leie/buildLeieIndex';
import type { LeiePerson } from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { parseLeieCsv } from '../../../../packages/core/src/sources/oig-leie/parseLeieCsv';
import { screenSubject } from '../../../../packages/core/src/sources/oig-leie/screenSubject';
import type { LeieRecord } from '../../../../packages/core/src/sources/oig-leie/types';
import { leieBytes } from './factories';

const TODAY = '2024-03-20';

/**
 * The straightforward screening the indexed one must agree with: every
 * row of the list, no index, names compared raw with `compareNames`, the
 * rules of `screenSubject` written out plainly. Returns, per row with a
 * finding, its strength: 2 an exclusion, 1 a possible one.
 */
const referenceScreen = (
  subject: Subject,
  records: readonly LeieRecord[],
): Map<number, number> => {
  const npi = /^[0-9]{10}$/.test(subject.npi ?? '') ? subject.npi : undefined;
  const joinable = npi !== undefined && npi !== '0000000000' ? npi : null;
  const found = new Map<number, number>();
  const families = [subject.familyName, ...(subject.formerFamilyNames ?? [])];

  for (const record of records) {
    const active =
      record.reinstatementDate === null || record.reinstatementDate > TODAY;
    if (!active) continue;
    if (joinable !== null && record.npi === joinable) {
      found.set(record.row, record.lastName !== '' ? 2 : 1);
      continue;
    }
    if (record.lastName === '') continue;
    for (const familyName of families) {
      const match = compareNames(
        { ...subject, familyName },
        {
          givenName: record.firstName,
          middleName: record.middleName,
          familyName: record.lastName,
        },
      ).match;
      if (match === 'none') continue;
      const both =
        subject.dateOfBirth !== undefined && record.dateOfBirth !== null;
      const same = both && subject.dateOfBirth === record.dateOfBirth;
      if (
        both &&
        !same &&
        !isNearMissDate(subject.dateOfBirth ?? '', record.dateOfBirth ?? '')
      ) {
        continue;
      }
      const npiConflict =
        joinable !== null && record.npi !== null && record.npi !== joinable;
      const strength = match === 'exact' && same && !npiConflict ? 2 : 1;
      found.set(record.row, Math.max(found.get(record.row) ?? 0, strength));
    }
  }

  return found;
};

/** The same shape from the indexed screening's findings. */
const strengths = (result: Classification): Map<number, number> => {
  const found = new Map<number, number>();
  for (const { code, data } of result.findings) {
    if (code === 'screened') continue;
    found.set(data?.row as number, code === 'exclusion' ? 2 : 1);
  }

  return found;
};

const expectedOutcome = (found: Map<number, number>): string =>
  [...found.values()].includes(2)
    ? 'flagged'
    : found.size > 0
      ? 'needs_review'
      : 'clear';

// Small pools, so that names, dates and NPIs collide often, and every
// awkward form (hyphens, particles, suffixes, initials, placeholders,
// diacritics) meets every other.
const FAMILY = [
  'SMITH',
  'JONES',
  'SMITH-JONES',
  'Jones Smith',
  'SMITHJONES',
  'DE LA CRUZ',
  'Cruz',
  'DELACRUZ',
  "O'Brien",
  'OBRIEN',
  'SMITH JR',
  'Núñez',
  'NUNEZ',
  'VAN DYKE',
  '--',
  'N/A',
  'O',
];
const GIVEN = [
  'ANA',
  'Ana',
  'A',
  'ANNA',
  'ANA MARIA',
  'ANA-MARIA',
  'MARY ANN',
  'MARY',
  'M',
  'JR',
  '--',
  'Élodie',
  'ELODIE',
  'E',
];
const MIDDLE = ['', 'R', 'ROSE', 'J R', 'JOHN ROBERT', 'N/A', 'III'];
const DOB = [
  '1984-02-29',
  '1984-02-28',
  '1948-02-29',
  '1984-03-07',
  '1984-07-03',
  '1990-11-30',
];
const NPI = ['1234567893', '1234567000', '0000000000'];

const rowArb: fc.Arbitrary<LeiePerson> = fc.oneof(
  fc.record({
    lastName: fc.constantFrom(...FAMILY),
    firstName: fc.constantFrom(...GIVEN, ''),
    middleName: fc.constantFrom(...MIDDLE),
    dateOfBirth: fc.option(fc.constantFrom(...DOB), { nil: null }),
    npi: fc.option(fc.constantFrom(...NPI.slice(0, 2)), { nil: null }),
    reinstatementDate: fc.option(fc.constantFrom('2024-03-01', '2024-04-01'), {
      nil: null,
    }),
  }),
  fc.record({
    businessName: fc.constantFrom('SMITH ANA', 'ACME LLC'),
    npi: fc.option(fc.constantFrom(...NPI.slice(0, 2)), { nil: null }),
  }),
);

const subjectArb: fc.Arbitrary<Subject> = fc.record(
  {
    subjectId: fc.constant('sub_prop'),
    givenName: fc.constantFrom(...GIVEN),
    familyName: fc.constantFrom(...FAMILY),
    middleName: fc.constantFrom(...MIDDLE),
    formerFamilyNames: fc.array(fc.constantFrom(...FAMILY), { maxLength: 2 }),
    dateOfBirth: fc.constantFrom(...DOB),
    npi: fc.constantFrom(...NPI),
  },
  { requiredKeys: ['subjectId', 'givenName', 'familyName'] },
);

describe('screenSubject against a plain reference screening', () => {
  it('finds the same rows with the same strength, so no candidate is lost', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }),
        fc.array(subjectArb, { minLength: 1, maxLength: 10 }),
        (people, subjects) => {
          const records = parseLeieCsv(leieBytes(people));
          const index = buildLeieIndex(records);

          for (const subject of subjects) {
            const result = screenSubject(subject, index, {
              listDate: TODAY,
              today: TODAY,
            });
            const reference = referenceScreen(subject, records);

            expect(strengths(result)).toEqual(reference);
            expect(result.outcome).toBe(expectedOutcome(reference));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
