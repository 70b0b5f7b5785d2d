import { S3Client } from '@aws-sdk/client-s3';
import { createLeieRefreshHandler } from './handlers/leieRefreshHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the daily LEIE list refresh. */
export const handler = createLeieRefreshHandler(
  productionDeps('leieRefresh', 'leie-refresh', {
    s3: (region) => new S3Client({ region }),
  }),
);
