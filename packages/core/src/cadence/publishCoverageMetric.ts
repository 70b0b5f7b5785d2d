import {
  type CloudWatchClient,
  type MetricDatum,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import type { SourceCoverage } from '../store/computeCoverage';
import { COVERAGE_METRIC } from './coverageMetric';

/**
 * Publishes the overdue counts of one coverage computation to CloudWatch:
 * one datum for the whole stage (the one the `coverage-overdue` alarm
 * watches) and one per source with an extra `Source` dimension, for the
 * dashboard. CloudWatch keeps the two dimension sets as separate metrics,
 * so the per-source data never double the stage total.
 *
 * @param cloudWatch - the client to publish with
 * @param stage - the SST stage, the value of the `Stage` dimension
 * @param sources - what `computeCoverage` returned
 * @param at - when the figures were computed (the data's timestamp)
 * @returns the overdue checks of the stage, as published
 */
const publishCoverageMetric = async (
  cloudWatch: CloudWatchClient,
  stage: string,
  sources: readonly SourceCoverage[],
  at: Date,
): Promise<number> => {
  const overdue = sources.reduce((sum, source) => sum + source.overdue, 0);
  const stageDimension = { Name: COVERAGE_METRIC.stageDimension, Value: stage };
  const datum = (value: number, source?: string): MetricDatum => ({
    MetricName: COVERAGE_METRIC.metricName,
    Dimensions:
      source === undefined
        ? [stageDimension]
        : [
            stageDimension,
            { Name: COVERAGE_METRIC.sourceDimension, Value: source },
          ],
    Timestamp: at,
    Unit: 'Count',
    Value: value,
  });

  await cloudWatch.send(
    new PutMetricDataCommand({
      Namespace: COVERAGE_METRIC.namespace,
      MetricData: [
        datum(overdue),
        ...sources.map((source) => datum(source.overdue, source.source)),
      ],
    }),
  );

  return overdue;
};

export { publishCoverageMetric };
