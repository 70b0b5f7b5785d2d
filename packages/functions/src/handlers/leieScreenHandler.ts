import {
  LeieIndexCache,
  screenLeieCheck,
  verificationRequestedSchema,
} from '@rovn/core';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/** Consumes the LEIE queue: screens each worker against the stored list. */
const createLeieScreenHandler = (deps: DepsProvider<'eventBridge'>) => {
  const cache = new LeieIndexCache();

  return sqsBatchHandler({
    name: 'leie-screen',
    schema: verificationRequestedSchema,
    deps,
    process: (request, d, log) =>
      screenLeieCheck(
        {
          db: d.db,
          eventBridge: d.eventBridge,
          busName: d.settings.busName,
          clock: d.clock,
          log,
          cache,
        },
        request,
      ),
  });
};

export { createLeieScreenHandler };
