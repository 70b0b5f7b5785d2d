/** What a Nursys date or timestamp field holds. */
type NursysDate =
  | { kind: 'day'; day: string }
  | { kind: 'absent' }
  | { kind: 'invalid' };

const isRealDay = (iso: string): boolean => {
  const date = new Date(`${iso}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
};

/**
 * `YYYY-MM-DD`, optionally followed by a time (`THH:MM[:SS[.fff]]`) and
 * optionally by a zone (`Z` or `+HH:MM` / `-HH:MM`).
 */
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a Nursys date or timestamp as the calendar day it names.
 *
 * Nursys writes these both with a zone (`2027-06-30T00:00:00-05:00`) and
 * without (`2027-06-30T00:00:00`). Either way the day is the date part as
 * written: a license date is a day on the board's calendar, and shifting
 * a zone-less value into the reader's local time (what `new Date()` does)
 * or a zoned one into UTC could move an expiry by a day. The time and the
 * zone must still be well formed. Empty, null and `--` are absent;
 * anything else (another layout, a number, a day that does not exist) is
 * `invalid`, which makes the parser call the body unreadable.
 */
const parseNursysDate = (value: unknown): NursysDate => {
  if (value === null || value === undefined) {
    return { kind: 'absent' };
  }
  if (typeof value !== 'string') {
    return { kind: 'invalid' };
  }
  const text = value.trim();
  if (text === '' || /^-+$/.test(text)) {
    return { kind: 'absent' };
  }

  const match = TIMESTAMP.exec(text);
  const day = match?.[1];
  if (match === null || day === undefined || !isRealDay(day)) {
    return { kind: 'invalid' };
  }
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) =>
    Number(part ?? '0'),
  );
  const zone = match[5];
  const zoneOk =
    zone === undefined ||
    zone === 'Z' ||
    /^[+-](?:0\d|1[0-4]):?[0-5]\d$/.test(zone);
  if (
    (hours ?? 0) > 23 ||
    (minutes ?? 0) > 59 ||
    (seconds ?? 0) > 59 ||
    !zoneOk
  ) {
    return { kind: 'invalid' };
  }

  return { kind: 'day', day };
};

export type { NursysDate };
export { parseNursysDate };
