/** How one field of an EventBridge cron expression may be written. */
interface CronFieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names standing for `min`, `min + 1`, ... (JAN-DEC, SUN-SAT). */
  names?: readonly string[];
  /** `?`: allowed in exactly one of day-of-month and day-of-week. */
  question: boolean;
  /** `/` increments. */
  step: boolean;
  /** Which of `L`, `W` and `#` the field takes. */
  special: 'day-of-month' | 'day-of-week' | 'none';
}

/**
 * The six fields of `cron(Minutes Hours Day-of-month Month Day-of-week
 * Year)` with the values and wildcards EventBridge documents for each.
 */
const CRON_FIELDS: readonly CronFieldSpec[] = [
  {
    name: 'minutes',
    min: 0,
    max: 59,
    question: false,
    step: true,
    special: 'none',
  },
  {
    name: 'hours',
    min: 0,
    max: 23,
    question: false,
    step: true,
    special: 'none',
  },
  {
    name: 'day-of-month',
    min: 1,
    max: 31,
    question: true,
    step: true,
    special: 'day-of-month',
  },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: [
      'JAN',
      'FEB',
      'MAR',
      'APR',
      'MAY',
      'JUN',
      'JUL',
      'AUG',
      'SEP',
      'OCT',
      'NOV',
      'DEC',
    ],
    question: false,
    step: true,
    special: 'none',
  },
  {
    name: 'day-of-week',
    min: 1,
    max: 7,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    question: true,
    step: false,
    special: 'day-of-week',
  },
  {
    name: 'year',
    min: 1970,
    max: 2199,
    question: false,
    step: true,
    special: 'none',
  },
];

export type { CronFieldSpec };
export { CRON_FIELDS };
