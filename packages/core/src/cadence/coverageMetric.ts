/**
 * The CloudWatch metric the coverage job publishes after each run: how
 * many checks are past their compliance window. The Alarms stack alarms
 * when it is above zero; whoever emits it must use exactly these names.
 *
 * @example
 * // one datum per run, value = overdue checks, unit Count
 * { Namespace: 'Rovn/Coverage', MetricName: 'OverdueChecks',
 *   Dimensions: [{ Name: 'Stage', Value: stage }] }
 */
const COVERAGE_METRIC = {
  namespace: 'Rovn/Coverage',
  metricName: 'OverdueChecks',
  /** Dimension holding the SST stage, so stages sharing an account differ. */
  stageDimension: 'Stage',
} as const;

export { COVERAGE_METRIC };
