/**
 * Plain-language text for finding codes, as a recipient reads them. The
 * codes come from the classifiers; the text never repeats PHI.
 */
const FINDING_TEXT: Record<string, string> = {
  exclusion: 'The person appears on a federal exclusion list.',
  possible_exclusion:
    'A listed exclusion matches the name; identity is not confirmed yet.',
  npi_inactive: 'The NPI is not active in the national registry.',
  name_mismatch: 'The name on the NPI record does not match our records.',
  name_partial_match:
    'The name on the NPI record matches only in part and needs review.',
  name_unverifiable:
    'The NPI record does not carry a name we can compare with ours.',
  entity_record: 'The NPI belongs to an organisation, not to a person.',
  license_expired: 'The license is expired or inactive at the board.',
  discipline: 'The licensing board reports disciplinary action.',
  license_inactive: 'The license is inactive at the board.',
  status_conflict:
    'The license is marked active but its status says otherwise; it needs review.',
  status_unrecognised:
    'The license status is not one we recognise; it needs review.',
  expiration_unknown:
    'The board gives no expiration date for the license; it needs review.',
  license_ambiguous:
    'The board lists more than one license with this number; it needs review.',
};

/**
 * Findings that record how a check was done rather than what it found;
 * they stay in the result for audit but say nothing to a recipient.
 */
const INFORMATIONAL_FINDINGS: ReadonlySet<string> = new Set([
  'screened',
  'npi_active',
  'license_active',
]);

/** Whether a finding code tells a recipient something. */
const isReportableFinding = (code: string): boolean =>
  !INFORMATIONAL_FINDINGS.has(code);

/** Text for one finding code; unknown codes get a neutral sentence. */
const findingText = (code: string): string =>
  FINDING_TEXT[code] ??
  'The source reported a detail that needs attention; open the record to review it.';

export { findingText, isReportableFinding };
