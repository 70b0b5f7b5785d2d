import type { LicenseTypeNames } from './boards';
import type { BoardRecord } from './types';

/** The records of a search, sorted by how they relate to the license. */
interface NarrowedRecords {
  /** Same number and a type naming the subject's license type. */
  exact: BoardRecord[];
  /** Same number, another (or an unknown) license type. */
  otherType: BoardRecord[];
  /** Numbers that merely contain the keyword (substring matches). */
  others: number;
}

/** Upper case without surrounding space; nothing else is equated. */
const normaliseNumber = (value: string): string => value.trim().toUpperCase();

/**
 * Whether a record's license type names the subject's type: the code
 * itself or a spelling the board's configuration lists for it.
 */
const typeMatches = (
  recordType: string,
  subjectType: string,
  types: LicenseTypeNames,
): boolean => {
  const names = types[subjectType.trim().toUpperCase()] ?? [];
  const wanted = recordType.trim().toUpperCase().replace(/\s+/g, ' ');

  return names.includes(wanted);
};

/**
 * Narrows a substring search to the subject's license. The board's
 * keyword search matches any license number containing the keyword
 * (`7918` finds `C7918` and `R7918`), so only a record whose number
 * equals the subject's (case and surrounding spaces aside; dashes,
 * prefixes and leading zeros count) is the license, and only when its
 * type is the subject's.
 */
const narrowToLicense = (
  records: readonly BoardRecord[],
  license: { number: string; type: string },
  types: LicenseTypeNames,
): NarrowedRecords => {
  const number = normaliseNumber(license.number);
  const sameNumber = records.filter(
    (record) => normaliseNumber(record.licenseNumber) === number,
  );
  const exact = sameNumber.filter((record) =>
    typeMatches(record.licenseType, license.type, types),
  );

  return {
    exact,
    otherType: sameNumber.filter((record) => !exact.includes(record)),
    others: records.length - sameNumber.length,
  };
};

export type { NarrowedRecords };
export { narrowToLicense };
