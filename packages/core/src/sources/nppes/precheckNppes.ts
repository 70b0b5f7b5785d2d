import type { Classification } from '../../domain/classification';
import { finding } from '../../domain/finding';
import type { Subject } from '../../domain/subject';
import { isValidNpi } from '../../npi/isValidNpi';

/**
 * Decides, before any network call, whether the subject's NPI can be
 * looked up at all.
 *
 * @returns `invalid_input` with `npi_missing` (no NPI) or
 *   `npi_check_digit` (not ten digits, or the check digit fails; `data.
 *   problem` says which), or `null` when the registry should be called.
 */
const precheckNppes = (subject: Subject): Classification | null => {
  const npi = subject.npi;
  if (npi === undefined || npi.trim() === '') {
    return {
      outcome: 'invalid_input',
      findings: [
        finding(
          'npi_missing',
          'The worker has no NPI on file; NPPES was not called.',
        ),
      ],
    };
  }

  if (!isValidNpi(npi)) {
    const problem = /^[0-9]{10}$/.test(npi) ? 'check_digit' : 'not_ten_digits';

    return {
      outcome: 'invalid_input',
      findings: [
        finding(
          'npi_check_digit',
          'The NPI on file is not a valid NPI; NPPES was not called.',
          { problem },
        ),
      ],
    };
  }

  return null;
};

export { precheckNppes };
