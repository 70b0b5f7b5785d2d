import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { createBoardAdapterHandler } from './handlers/boardAdapterHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the state board adapter (every board of the SaaS). */
export const handler = createBoardAdapterHandler(
  productionDeps('adapter', 'board-adapter', {
    s3: (region) => new S3Client({ region }),
    eventBridge: (region) => new EventBridgeClient({ region }),
  }),
);
