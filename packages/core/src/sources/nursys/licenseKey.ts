import type { Classification } from '../../domain/classification';
import { finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import type { NursysLicenseQuery, NursysLicenseType } from './types';

/** The license types Nursys e-Notify reports. */
const NURSYS_LICENSE_TYPES = ['RN', 'PN', 'CNP', 'CRNA', 'CNM', 'CNS'] as const;

/**
 * A license number as compared: trimmed, inner spaces removed, upper
 * case. Leading zeros are kept: numbering is the board's own, and `RN012`
 * and `RN12` may be two licenses; a wrong strip could join a worker to
 * someone else's license (a false `clear`), while a kept zero at worst
 * gives `not_found`, which a person looks at.
 */
const normaliseLicenseNumber = (value: string): string =>
  value.replace(/\s+/g, '').toUpperCase();

/** A jurisdiction or license type as compared: trimmed, upper case. */
const normaliseCode = (value: string): string => value.trim().toUpperCase();

/**
 * One string that names a license, for matching a source's license to a
 * credential: `JURISDICTION|TYPE|NUMBER`, each part normalised.
 */
const licenseKey = (license: {
  jurisdiction: string;
  licenseType: string;
  licenseNumber: string;
}): string =>
  [
    normaliseCode(license.jurisdiction),
    normaliseCode(license.licenseType),
    normaliseLicenseNumber(license.licenseNumber),
  ].join('|');

const isLicenseType = (value: string): value is NursysLicenseType =>
  (NURSYS_LICENSE_TYPES as readonly string[]).includes(value);

const invalid = (code: string, detail: string): Classification => ({
  outcome: 'invalid_input',
  findings: [finding(code, detail)],
});

/**
 * The license a Nursys lookup asks about, or `invalid_input` when the
 * subject's own data cannot make one (Nursys is not called then).
 *
 * - no license on the subject: `license_missing`;
 * - jurisdiction not two letters: `license_jurisdiction_invalid`;
 * - type not one of RN, PN, CNP, CRNA, CNM, CNS: `license_type_invalid`;
 * - number empty or not letters, digits and dashes:
 *   `license_number_invalid`.
 *
 * Findings never quote the number.
 */
const licenseQueryOf = (
  subject: Subject,
): NursysLicenseQuery | Classification => {
  const license = subject.license;
  if (license === undefined) {
    return invalid(
      'license_missing',
      'The credential has no license jurisdiction, number and type to look up.',
    );
  }
  const jurisdiction = normaliseCode(license.jurisdiction);
  if (!/^[A-Z]{2}$/.test(jurisdiction)) {
    return invalid(
      'license_jurisdiction_invalid',
      'The license jurisdiction is not a two-letter abbreviation.',
    );
  }
  const licenseType = normaliseCode(license.type);
  if (!isLicenseType(licenseType)) {
    return invalid(
      'license_type_invalid',
      'The license type is not one Nursys reports (RN, PN, CNP, CRNA, CNM, CNS).',
    );
  }
  const licenseNumber = normaliseLicenseNumber(license.number);
  if (!/^[A-Z0-9-]{1,30}$/.test(licenseNumber)) {
    return invalid(
      'license_number_invalid',
      'The license number is empty or holds characters a license number cannot.',
    );
  }

  return { jurisdiction, licenseNumber, licenseType };
};

export {
  isLicenseType,
  licenseKey,
  licenseQueryOf,
  NURSYS_LICENSE_TYPES,
  normaliseLicenseNumber,
};
