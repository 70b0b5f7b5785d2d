import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Kysely } from 'kysely';
import { publishCoverageMetric } from '../cadence/publishCoverageMetric';
import type { Database } from '../store/schema';
import { type DailyCoverage, recordDailyCoverage } from './recordDailyCoverage';

/** What the daily coverage job did. */
interface CoverageReport extends DailyCoverage {
  /** Overdue checks of the stage, as published to CloudWatch. */
  overdue: number;
}

/**
 * The daily coverage job: computes coverage, stores it as today's record,
 * then publishes the overdue counts the `coverage-overdue` alarm watches.
 * The record is stored first, so a failed publish (retried by the
 * schedule) still leaves the day's figures for the compliance officer.
 */
const reportDailyCoverage = async (deps: {
  db: Kysely<Database>;
  cloudWatch: CloudWatchClient;
  stage: string;
  clock?: () => Date;
}): Promise<CoverageReport> => {
  const daily = await recordDailyCoverage(deps.db, deps.clock);
  const overdue = await publishCoverageMetric(
    deps.cloudWatch,
    deps.stage,
    daily.sources,
    daily.computedAt,
  );

  return { ...daily, overdue };
};

export type { CoverageReport };
export { reportDailyCoverage };
