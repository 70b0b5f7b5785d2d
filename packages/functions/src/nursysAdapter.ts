import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { parseWorkerConfig } from '@rovn/core';
import { createNursysAdapterHandler } from './handlers/nursysAdapterHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';
import { secretNursysCredentials } from './runtime/secretNursysCredentials';

const config = parseWorkerConfig('nursysAdapter', process.env);

/** Lambda entry: the Nursys e-Notify nurse lookup adapter. */
export const handler = createNursysAdapterHandler(
  productionDeps('nursysAdapter', 'nursys-adapter', {
    s3: (region) => new S3Client({ region }),
    eventBridge: (region) => new EventBridgeClient({ region }),
  }),
  {
    credentials: secretNursysCredentials(
      config.NURSYS_CREDENTIALS_SECRET_ARN,
      config.AWS_REGION,
      createTracer('nursys-adapter'),
    ),
  },
);
