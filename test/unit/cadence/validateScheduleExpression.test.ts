import { describe, expect, it } from 'vitest';
import { validateScheduleExpression } from '../../../packages/core/src/cadence/validateScheduleExpression';
import { SCHEDULES } from '../../../packages/core/src/topology';

describe('validateScheduleExpression', () => {
  it.each(SCHEDULES.map((s) => [s.name, s.expression]))(
    'accepts the %s schedule of the topology (%s)',
    (_name, expression) => {
      const verdict = validateScheduleExpression(expression);

      expect(verdict).toMatchObject({ valid: true });
    },
  );

  it.each([
    ['rate(1 minute)', 'rate'],
    ['rate(5 minutes)', 'rate'],
    ['rate(1 hour)', 'rate'],
    ['rate(12 hours)', 'rate'],
    ['rate(1 day)', 'rate'],
    ['rate(30 days)', 'rate'],
    ['cron(0 6 * * ? *)', 'cron'],
    ['cron(0/15 * * * ? *)', 'cron'],
    ['cron(*/5 8-17 ? * MON-FRI *)', 'cron'],
    ['cron(0 12 ? * 2-6 *)', 'cron'],
    ['cron(15 10 L * ? *)', 'cron'],
    ['cron(0 9 15W * ? *)', 'cron'],
    ['cron(0 9 ? * 6L *)', 'cron'],
    ['cron(0 9 ? * 2#1 *)', 'cron'],
    ['cron(0 9 ? * MON#2 *)', 'cron'],
    ['cron(0 18 ? * L 2026-2030)', 'cron'],
    ['cron(0 0 1 JAN,JUL ? *)', 'cron'],
    ['cron(0,30 6 1-7 * ? 2026/2)', 'cron'],
    ['cron(0 8 1 * ? *)', 'cron'],
    ['cron(59 23 31 DEC ? 2199)', 'cron'],
  ])('accepts %s', (expression, kind) => {
    const verdict = validateScheduleExpression(expression);

    expect(verdict).toEqual({ valid: true, kind });
  });

  it.each([
    ['rate(1 minutes)', /singular/],
    ['rate(5 minute)', /plural/],
    ['rate(0 minutes)', /above zero/],
    ['rate(-1 minutes)', /above zero/],
    ['rate(1.5 hours)', /above zero/],
    ['rate(05 minutes)', /above zero/],
    ['rate(2 weeks)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(30 seconds)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5  minutes)', /rate\(value unit\)/],
    [' rate(5 minutes)', /rate\(value unit\)/],
    ['at(2026-01-01T00:00:00)', /rate\(value unit\)/],
    ['0 6 * * ?', /rate\(value unit\)/],
    ['cron(0 6 * * *)', /six fields/],
    ['cron(0 6 * * ? * *)', /six fields/],
    ['cron(0  6 * * ? *)', /six fields/],
    ['cron(0 6 * * * *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 6 ? * ? *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 6 1 * MON *)', /exactly one of day-of-month and day-of-week/],
    ['cron(60 6 * * ? *)', /minutes 60: values must be 0-59/],
    ['cron(0 24 * * ? *)', /hours 24/],
    ['cron(0 6 0 * ? *)', /day-of-month 0/],
    ['cron(0 6 32 * ? *)', /day-of-month 32/],
    ['cron(0 6 ? 13 MON *)', /month 13/],
    ['cron(0 6 ? * 0 *)', /day-of-week 0/],
    ['cron(0 6 ? * 8 *)', /day-of-week 8/],
    ['cron(0 6 * * ? 1969)', /year 1969/],
    ['cron(0 6 * * ? 2200)', /year 2200/],
    ['cron(? 6 * * ? *)', /minutes does not take \?/],
    ['cron(0 6 * ? MON *)', /month does not take \?/],
    ['cron(0 6 ? * MON/2 *)', /day-of-week does not take \/ increments/],
    ['cron(0/0 6 * * ? *)', /increment must be from 1/],
    ['cron(0/x 6 * * ? *)', /increment must be from 1/],
    ['cron(0 6 * JAN-FOO ? *)', /month JAN-FOO/],
    ['cron(0 6 ? * mon *)', /day-of-week mon/],
    ['cron(0 6 ? * FRI-MON *)', /low to high/],
    ['cron(30-10 6 * * ? *)', /low to high/],
    ['cron(5x 6 * * ? *)', /minutes 5x/],
    ['cron(0 6 1,,2 * ? *)', /empty list item/],
    ['cron(0 L * * ? *)', /hours does not take L, W or #/],
    ['cron(0 6 ? * 2#6 *)', /week from 1 to 5/],
    ['cron(0 6 32W * ? *)', /W needs a day/],
    ['cron(0 6 ? * 15W *)', /written alone/],
    ['cron(0 6 1,L * ? *)', /written alone/],
    ['cron(0 6 * * ? *) ', /rate\(value unit\)/],
  ])('refuses %s', (expression, reason) => {
    const verdict = validateScheduleExpression(expression);

    expect(verdict.valid).toBe(false);
    expect(verdict.valid ? '' : verdict.reason).toMatch(reason);
  });
});
