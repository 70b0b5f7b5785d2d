/**
 * The CloudWatch metric the daily coverage job publishes
 * (`publishCoverageMetric`): how many checks are past their compliance
 * window. The Alarms stack alarms when the stage total is above zero.
 *
 * @example
 * // one datum per run for the stage, value = overdue checks, unit Count
 * { Namespace: 'Rovn/Coverage', MetricName: 'OverdueChecks',
 *   Dimensions: [{ Name: 'Stage', Value: stage }] }
 * // and one per source, with Dimensions Stage and Source
 */
const COVERAGE_METRIC = {
  namespace: 'Rovn/Coverage',
  metricName: 'OverdueChecks',
  /** Dimension holding the SST stage, so stages sharing an account differ. */
  stageDimension: 'Stage',
  /** Dimension of the per-source data, next to `Stage`. */
  sourceDimension: 'Source',
} as const;

export { COVERAGE_METRIC };
