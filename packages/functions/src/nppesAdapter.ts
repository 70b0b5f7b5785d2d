import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { createNppesAdapterHandler } from './handlers/nppesAdapterHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the NPPES adapter. */
export const handler = createNppesAdapterHandler(
  productionDeps('adapter', 'nppes-adapter', {
    s3: (region) => new S3Client({ region }),
    eventBridge: (region) => new EventBridgeClient({ region }),
  }),
);
