import { checkCronField } from './checkCronField';
import { CRON_FIELDS } from './cronFields';

/** The verdict on one schedule expression. */
type ScheduleVerdict =
  | { valid: true; kind: 'rate' | 'cron' }
  | { valid: false; reason: string };

const RATE = /^rate\(([^ ]+) ([^ ]+)\)$/;
const CRON = /^cron\((.*)\)$/;
const UNITS = ['minute', 'hour', 'day'] as const;

const invalid = (reason: string): ScheduleVerdict => ({
  valid: false,
  reason,
});

const checkRate = (value: string, unit: string): ScheduleVerdict => {
  if (!/^[1-9]\d*$/.test(value)) {
    return invalid(`rate value ${value} must be a whole number above zero`);
  }
  const singular = UNITS.find((u) => unit === u || unit === `${u}s`);
  if (singular === undefined) {
    return invalid(`rate unit ${unit} must be minute(s), hour(s) or day(s)`);
  }
  const plural = unit.endsWith('s');
  if (value === '1' && plural) {
    return invalid(`rate(1 ${unit}) must use the singular: ${singular}`);
  }
  if (value !== '1' && !plural) {
    return invalid(`rate(${value} ${unit}) must use the plural: ${unit}s`);
  }

  return { valid: true, kind: 'rate' };
};

const checkCron = (body: string): ScheduleVerdict => {
  const fields = body.split(' ');
  if (fields.length !== CRON_FIELDS.length || fields.includes('')) {
    return invalid(
      `cron needs six fields separated by single spaces (minutes hours day-of-month month day-of-week year); got ${fields.filter((f) => f !== '').length}`,
    );
  }
  for (const [i, spec] of CRON_FIELDS.entries()) {
    const problem = checkCronField(fields[i] ?? '', spec);
    if (problem !== null) return invalid(problem);
  }
  const dayOfMonth = fields[2] === '?';
  const dayOfWeek = fields[4] === '?';
  if (dayOfMonth === dayOfWeek) {
    return invalid(
      'exactly one of day-of-month and day-of-week must be ?, the other a value or *',
    );
  }

  return { valid: true, kind: 'cron' };
};

/**
 * Checks a schedule expression against EventBridge's rules, so a bad one
 * fails in CI rather than in deployment (the local emulator accepts
 * expressions AWS refuses).
 *
 * `rate(N unit)`: N a whole number above zero; minute, hour or day,
 * singular for 1 and plural otherwise. `cron(...)`: six fields, values in
 * range, `?` in exactly one of day-of-month and day-of-week, L/W/# only
 * where allowed. EventBridge evaluates cron in UTC; nothing in the
 * expression can change that.
 *
 * Note: stricter than AWS in two places: month and day names must be
 * upper case, and ranges may not wrap (FRI-MON).
 *
 * @example
 * validateScheduleExpression('cron(0 6 * * ? *)'); // { valid: true, kind: 'cron' }
 */
const validateScheduleExpression = (expression: string): ScheduleVerdict => {
  const rate = RATE.exec(expression);
  if (rate !== null) return checkRate(rate[1] ?? '', rate[2] ?? '');
  const cron = CRON.exec(expression);
  if (cron !== null) return checkCron(cron[1] ?? '');

  return invalid(
    'a schedule expression is rate(value unit) or cron(six fields), nothing around it',
  );
};

export type { ScheduleVerdict };
export { validateScheduleExpression };
