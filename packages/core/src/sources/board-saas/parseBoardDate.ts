/** What a board date field holds. */
type BoardDate =
  | { kind: 'day'; day: string }
  | { kind: 'absent' }
  | { kind: 'invalid' };

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const BOARD_DATE = /^([A-Z][a-z]{2})-(\d{2})-(\d{4})$/;

/**
 * Reads a date as the board SaaS writes it, `Mon-DD-YYYY` (`Jan-30-2024`),
 * strictly: an English three-letter month in that case, a two-digit day
 * and a four-digit year, naming a day that exists. Null, a missing field
 * and an empty string are `absent`. Anything else (`2024-01-30`,
 * `JAN-30-2024`, `Feb-30-2024`, a number) is `invalid`, which the parser
 * treats as a body it does not understand: a date is never guessed.
 */
const parseBoardDate = (value: unknown): BoardDate => {
  if (value === null || value === undefined) {
    return { kind: 'absent' };
  }
  if (typeof value !== 'string') {
    return { kind: 'invalid' };
  }
  if (value.trim() === '') {
    return { kind: 'absent' };
  }

  const match = BOARD_DATE.exec(value.trim());
  const monthIndex = MONTHS.indexOf(match?.[1] as (typeof MONTHS)[number]);
  if (match === null || monthIndex < 0) {
    return { kind: 'invalid' };
  }
  const iso = `${match[3]}-${String(monthIndex + 1).padStart(2, '0')}-${match[2]}`;
  const date = new Date(`${iso}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)
    ? { kind: 'day', day: iso }
    : { kind: 'invalid' };
};

/** Writes a `YYYY-MM-DD` day the board's way (`Jan-30-2024`). */
const formatBoardDate = (day: string): string => {
  const [year, month, date] = day.split('-');
  const name = MONTHS[Number(month) - 1];

  return `${name ?? '???'}-${date ?? '??'}-${year ?? '????'}`;
};

export type { BoardDate };
export { formatBoardDate, parseBoardDate };
