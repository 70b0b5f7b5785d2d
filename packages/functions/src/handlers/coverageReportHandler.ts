import { reportDailyCoverage } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import { scheduledHandler } from './scheduledHandler';

/**
 * Started daily: stores the day's coverage record and publishes the
 * overdue counts the `coverage-overdue` alarm watches. The report it
 * logs holds counts per source only.
 *
 * @param deps - the store and the CloudWatch client
 * @param options - the SST stage, the `Stage` dimension of the metric
 */
const createCoverageReportHandler = (
  deps: DepsProvider<'cloudWatch'>,
  options: { stage: string },
) =>
  scheduledHandler({
    name: 'coverage-report',
    deps,
    run: (d) =>
      reportDailyCoverage({
        db: d.db,
        cloudWatch: d.cloudWatch,
        stage: options.stage,
        clock: d.clock,
      }),
  });

export { createCoverageReportHandler };
