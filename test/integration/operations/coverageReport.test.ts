import {
  CloudWatchClient,
  GetMetricStatisticsCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_METRIC } from '../../../packages/core/src/cadence/coverageMetric';
import { DAY } from '../../../packages/core/src/cadence/policy';
import { readCoverageReports } from '../../../packages/core/src/store';
import { createCoverageReportHandler } from '../../../packages/functions/src/handlers/coverageReportHandler';
import { makeRoster } from '../../factories/roster';
import { motoClientConfig, uniquePrefix } from '../../helpers/moto';
import {
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const NOW = new Date('2026-06-01T14:00:00Z');

/** The datum moto holds for the metric under these dimensions. */
const maximumOf = async (
  cloudWatch: CloudWatchClient,
  dimensions: { Name: string; Value: string }[],
): Promise<number | undefined> => {
  const { Datapoints } = await cloudWatch.send(
    new GetMetricStatisticsCommand({
      Namespace: COVERAGE_METRIC.namespace,
      MetricName: COVERAGE_METRIC.metricName,
      Dimensions: dimensions,
      StartTime: new Date(NOW.getTime() - DAY),
      EndTime: new Date(NOW.getTime() + DAY),
      Period: 86_400,
      Statistics: ['Maximum'],
    }),
  );

  return Datapoints?.[0]?.Maximum;
};

describe('the daily coverage job', () => {
  let harness: WorkerHarness;
  let cloudWatch: CloudWatchClient;
  // A stage name no other test publishes under.
  const stage = uniquePrefix('coverage');

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'coverage-report',
      // Three never-verified checks: all overdue.
      roster: makeRoster([
        { id: 'cov-a', sources: ['nppes', 'oig-leie'] },
        { id: 'cov-b', sources: ['nppes'] },
      ]),
    });
    cloudWatch = new CloudWatchClient(motoClientConfig());
  });

  afterAll(async () => {
    cloudWatch.destroy();
    await harness.close();
  });

  it('stores the day record and publishes the overdue counts for the alarm', async () => {
    const handler = createCoverageReportHandler(
      async () => ({ ...harness.deps, cloudWatch, clock: () => NOW }),
      { stage },
    );
    const report = await handler({}, testContext('coverage-report'));

    expect(report.day).toBe('2026-06-01');
    expect(report.overdue).toBe(3);

    const stored = await readCoverageReports(harness.store.db, '2026-06-01');
    const overdueBySource = Object.fromEntries(
      stored.map((row) => [row.source, row.overdue]),
    );
    expect(overdueBySource).toMatchObject({ nppes: 2, 'oig-leie': 1, sam: 0 });

    const stageDimension = {
      Name: COVERAGE_METRIC.stageDimension,
      Value: stage,
    };
    expect(await maximumOf(cloudWatch, [stageDimension])).toBe(3);
    expect(
      await maximumOf(cloudWatch, [
        stageDimension,
        { Name: COVERAGE_METRIC.sourceDimension, Value: 'nppes' },
      ]),
    ).toBe(2);
  });
});
