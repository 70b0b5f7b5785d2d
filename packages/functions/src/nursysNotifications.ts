import { S3Client } from '@aws-sdk/client-s3';
import { parseWorkerConfig } from '@rovn/core';
import { createNursysNotificationsHandler } from './handlers/nursysNotificationsHandler';
import { createTracer } from './runtime/observability';
import { productionDeps } from './runtime/productionDeps';
import { secretNursysCredentials } from './runtime/secretNursysCredentials';

const config = parseWorkerConfig('nursysNotifications', process.env);

/** Lambda entry: the daily Nursys notification lookup. */
export const handler = createNursysNotificationsHandler(
  productionDeps('nursysNotifications', 'nursys-notifications', {
    s3: (region) => new S3Client({ region }),
  }),
  {
    credentials: secretNursysCredentials(
      config.NURSYS_CREDENTIALS_SECRET_ARN,
      config.AWS_REGION,
      createTracer('nursys-notifications'),
    ),
  },
);
