import { SESClient } from '@aws-sdk/client-ses';
import { createExpiryNoticesHandler } from './handlers/expiryNoticesHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the daily expiry reminders and outage digest. */
export const handler = createExpiryNoticesHandler(
  productionDeps('notices', 'expiry-notices', {
    ses: (region) => new SESClient({ region }),
  }),
);
