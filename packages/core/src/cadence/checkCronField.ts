import type { CronFieldSpec } from './cronFields';

const DIGITS = /^\d+$/;

/** A value of the field as a number, or null when it is not one. */
const fieldValue = (text: string, spec: CronFieldSpec): number | null => {
  if (DIGITS.test(text)) {
    const value = Number(text);

    return value >= spec.min && value <= spec.max ? value : null;
  }
  const named = spec.names?.indexOf(text) ?? -1;

  return named >= 0 ? spec.min + named : null;
};

/** `L`, `nW`, `nL` and `n#k`, each of which must stand alone. */
const checkSpecial = (field: string, spec: CronFieldSpec): string | null => {
  if (field === 'L') return null;
  const dayOfMonth = /^(\d+)W$/.exec(field);
  if (spec.special === 'day-of-month' && dayOfMonth !== null) {
    return fieldValue(dayOfMonth[1] ?? '', spec) === null
      ? `${spec.name} ${field}: W needs a day from 1 to 31`
      : null;
  }
  const last = /^([A-Z0-9]+)L$/.exec(field);
  if (spec.special === 'day-of-week' && last !== null) {
    return fieldValue(last[1] ?? '', spec) === null
      ? `${spec.name} ${field}: L needs a day from 1 to 7 or SUN-SAT`
      : null;
  }
  const nth = /^([A-Z0-9]+)#(\d+)$/.exec(field);
  if (spec.special === 'day-of-week' && nth !== null) {
    const day = fieldValue(nth[1] ?? '', spec);
    const week = Number(nth[2]);

    return day === null || week < 1 || week > 5
      ? `${spec.name} ${field}: # needs a day (1-7 or SUN-SAT) and a week from 1 to 5`
      : null;
  }

  return `${spec.name} ${field}: L, W and # are written alone, as L, 15W, 6L or 2#1, and only where the field allows them`;
};

/** One comma-separated item: `*`, `a`, `a-b`, each optionally `/step`. */
const checkItem = (item: string, spec: CronFieldSpec): string | null => {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined) return `${spec.name} ${item}: more than one /`;
  if (step !== undefined) {
    if (!spec.step) return `${spec.name} does not take / increments`;
    if (!DIGITS.test(step) || Number(step) < 1 || Number(step) > spec.max) {
      return `${spec.name} ${item}: the increment must be from 1 to ${spec.max}`;
    }
  }
  if (range === '*') return null;

  const [from = '', to, beyond] = range.split('-');
  if (beyond !== undefined) return `${spec.name} ${item}: more than one -`;
  const start = fieldValue(from, spec);
  const end = to === undefined ? start : fieldValue(to, spec);
  if (start === null || end === null) {
    const allowed = spec.names
      ? `${spec.min}-${spec.max} or ${spec.names[0]}-${spec.names.at(-1)}`
      : `${spec.min}-${spec.max}`;

    return `${spec.name} ${item}: values must be ${allowed}`;
  }
  if (start > end) {
    return `${spec.name} ${item}: a range must run from low to high`;
  }

  return null;
};

/**
 * Why one cron field breaks EventBridge's rules, or null when it is fine.
 * The `?` rule spans two fields and is checked by the caller.
 */
const checkCronField = (field: string, spec: CronFieldSpec): string | null => {
  if (field === '?') {
    return spec.question ? null : `${spec.name} does not take ?`;
  }
  // Month and day names (JUL, WED) are taken out first: their letters are
  // not the L and W wildcards.
  if (/[LW#]/.test(field.replace(/[A-Z]{3}/g, ''))) {
    return spec.special === 'none'
      ? `${spec.name} does not take L, W or #`
      : checkSpecial(field, spec);
  }
  if (field === '' || field.split(',').some((item) => item === '')) {
    return `${spec.name} has an empty list item`;
  }
  for (const item of field.split(',')) {
    const problem = checkItem(item, spec);
    if (problem !== null) return problem;
  }

  return null;
};

export { checkCronField };
