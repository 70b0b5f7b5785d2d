import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { reportDailyCoverage } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import { scheduledHandler } from './scheduledHandler';

/** What the coverage job needs besides the common dependencies. */
interface CoverageReportOptions {
  cloudWatch: () => CloudWatchClient;
  /** SST stage, the `Stage` dimension of the published metric. */
  stage: string;
}

/**
 * Started daily: stores the day's coverage record and publishes the
 * overdue counts the `coverage-overdue` alarm watches. The report it
 * logs holds counts per source only.
 */
const createCoverageReportHandler = (
  deps: DepsProvider,
  options: CoverageReportOptions,
) =>
  scheduledHandler({
    name: 'coverage-report',
    deps,
    run: (d) =>
      reportDailyCoverage({
        db: d.db,
        cloudWatch: options.cloudWatch(),
        stage: options.stage,
        clock: d.clock,
      }),
  });

export type { CoverageReportOptions };
export { createCoverageReportHandler };
