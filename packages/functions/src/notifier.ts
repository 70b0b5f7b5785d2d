import { SESClient } from '@aws-sdk/client-ses';
import { createNotifierHandler } from './handlers/notifierHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the notifier. */
export const handler = createNotifierHandler(
  productionDeps('notifier', 'notifier', {
    ses: (region) => new SESClient({ region }),
  }),
);
