import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { parseWorkerConfig } from '@rovn/core';
import { createSamAdapterHandler } from './handlers/samAdapterHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';
import { secretSamApiKey } from './runtime/secretSamApiKey';

const config = parseWorkerConfig('samAdapter', process.env);

/** Lambda entry: the SAM.gov exclusions adapter. */
export const handler = createSamAdapterHandler(
  productionDeps('samAdapter', 'sam-adapter', {
    s3: (region) => new S3Client({ region }),
    eventBridge: (region) => new EventBridgeClient({ region }),
  }),
  {
    apiKey: secretSamApiKey(
      config.SAM_API_KEY_SECRET_ARN,
      config.AWS_REGION,
      createTracer('sam-adapter'),
    ),
  },
);
