import { parseWorkerConfig } from '@rovn/core';
import { createNursysAdapterHandler } from './handlers/nursysAdapterHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';
import { secretNursysCredentials } from './runtime/secretNursysCredentials';

const config = parseWorkerConfig('nursysAdapter', process.env);

/** Lambda entry: the Nursys e-Notify nurse lookup adapter. */
export const handler = createNursysAdapterHandler(
  productionDeps('nursysAdapter', 'nursys-adapter'),
  {
    credentials: secretNursysCredentials(
      config.NURSYS_CREDENTIALS_SECRET_ARN,
      config.AWS_REGION,
      createTracer('nursys-adapter'),
    ),
  },
);
