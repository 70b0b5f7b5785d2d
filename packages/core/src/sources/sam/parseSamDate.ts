/** What a SAM.gov date field holds. */
type SamDate =
  | { kind: 'day'; day: string }
  | { kind: 'indefinite' }
  | { kind: 'absent' }
  | { kind: 'invalid' };

const isRealDay = (year: string, month: string, day: string): boolean => {
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
};

/**
 * Reads a date as SAM.gov writes it: `MM-DD-YYYY` in API answers, and
 * (seen in extracts) `MM/DD/YYYY`, `YYYY-MM-DD` or `Indefinite`. Empty,
 * null and `--` are absent. Anything else, or a day that does not exist,
 * is `invalid`, which the parser treats as a body it does not understand.
 */
const parseSamDate = (value: unknown): SamDate => {
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
  if (/^indefinite$/i.test(text)) {
    return { kind: 'indefinite' };
  }

  const us = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] =
    us !== null ? [us[3], us[1], us[2]] : iso !== null ? iso.slice(1) : [];
  if (year === undefined || month === undefined || day === undefined) {
    return { kind: 'invalid' };
  }

  return isRealDay(year, month, day)
    ? { kind: 'day', day: `${year}-${month}-${day}` }
    : { kind: 'invalid' };
};

export type { SamDate };
export { parseSamDate };
