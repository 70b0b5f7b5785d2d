import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { parseWorkerConfig } from '@rovn/core';
import { createCoverageReportHandler } from './handlers/coverageReportHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the daily coverage record and overdue metric. */
export const handler = createCoverageReportHandler(
  productionDeps('coverage', 'coverage-report', {
    cloudWatch: (region) => new CloudWatchClient({ region }),
  }),
  { stage: parseWorkerConfig('coverage', process.env).ROVN_STAGE },
);
