import type { Classification } from '../../domain/classification';
import { finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import type { BoardConfig } from './boards';

const invalid = (code: string, detail: string): Classification => ({
  outcome: 'invalid_input',
  findings: [finding(code, detail)],
});

/** Letters, digits and inner dashes: what a license number is made of. */
const LICENSE_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

/**
 * Decides without calling the board when the subject's license cannot be
 * searched there: no license on the credential, a license of another
 * jurisdiction, a number with characters no license number has (a
 * substring search on it would match unrelated records), or a license
 * type the board's configuration does not know (the answer could not be
 * narrowed to it). Returns null when the search can go ahead.
 */
const precheckBoard = (
  board: BoardConfig,
  subject: Subject,
): Classification | null => {
  const license = subject.license;
  if (license === undefined) {
    return invalid(
      'license_missing',
      'The credential has no license jurisdiction, number and type to search.',
    );
  }
  if (license.jurisdiction.trim().toUpperCase() !== board.jurisdiction) {
    return invalid(
      'license_jurisdiction_mismatch',
      `The license is not a ${board.jurisdiction} license; this board cannot verify it.`,
    );
  }
  if (!LICENSE_NUMBER.test(license.number.trim())) {
    return invalid(
      'license_number_invalid',
      'The license number holds characters a license number does not have.',
    );
  }
  if (board.licenseTypes[license.type.trim().toUpperCase()] === undefined) {
    return invalid(
      'license_type_unknown',
      `The license type is not one this board's configuration knows.`,
    );
  }

  return null;
};

export { precheckBoard };
