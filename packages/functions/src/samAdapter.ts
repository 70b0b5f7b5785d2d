import { parseWorkerConfig } from '@rovn/core';
import { createSamAdapterHandler } from './handlers/samAdapterHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';
import { secretSamApiKey } from './runtime/secretSamApiKey';

const config = parseWorkerConfig('samAdapter', process.env);

/** Lambda entry: the SAM.gov exclusions adapter. */
export const handler = createSamAdapterHandler(
  productionDeps('samAdapter', 'sam-adapter'),
  {
    apiKey: secretSamApiKey(
      config.SAM_API_KEY_SECRET_ARN,
      config.AWS_REGION,
      createTracer('sam-adapter'),
    ),
  },
);
