import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { parseWorkerConfig } from '@rovn/core';
import { createCoverageReportHandler } from './handlers/coverageReportHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';

const config = parseWorkerConfig('coverage', process.env);
const tracer = createTracer('coverage-report');
let cloudWatch: CloudWatchClient | undefined;

/** Lambda entry: the daily coverage record and overdue metric. */
export const handler = createCoverageReportHandler(
  productionDeps('coverage', 'coverage-report'),
  {
    cloudWatch: () => {
      cloudWatch ??= tracer.captureAWSv3Client(
        new CloudWatchClient({ region: config.AWS_REGION }),
      );
      return cloudWatch;
    },
    stage: config.ROVN_STAGE,
  },
);
