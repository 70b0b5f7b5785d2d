import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createLeieScreenHandler } from './handlers/leieScreenHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: LEIE screening of queued checks. */
export const handler = createLeieScreenHandler(
  productionDeps('adapter', 'leie-screen', {
    eventBridge: (region) => new EventBridgeClient({ region }),
  }),
);
