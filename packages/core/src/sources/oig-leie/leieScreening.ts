import type { Classification } from '../../domain/classification';
import { type Finding, finding } from '../../domain/finding';
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

/** What a finding says about a row: never a name or a date of birth. */
const exclusionData = (record: LeieRecord): Record<string, unknown> => ({
  exclusionType: record.exclusionType,
  exclusionDate: record.exclusionDate,
  row: record.row,
  ...(record.waiverDate === null
    ? {}
    : { waiverDate: record.waiverDate, waiverState: record.waiverState }),
});

/**
 * The classification of a screening: `flagged` when any finding is an
 * established `exclusion`, `needs_review` when there are only possible
 * ones, else `clear`; always ending with a `screened` finding carrying the
 * list date and row count, so even a `clear` says what it was checked
 * against.
 */
const screeningResult = (
  findings: readonly Finding[],
  index: LeieIndex,
  options: LeieScreenOptions,
): Classification => {
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
export { currentDay, exclusionData, isActive, joinableNpi, screeningResult };
