import {
  nppesAdapter,
  verificationRequestedSchema,
  verifyPerSubject,
} from '@rovn/core';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/** Consumes the NPPES queue: one verification per request message. */
const createNppesAdapterHandler = (deps: DepsProvider<'s3' | 'eventBridge'>) =>
  sqsBatchHandler({
    name: 'nppes-adapter',
    schema: verificationRequestedSchema,
    deps,
    process: (request, d, log) =>
      verifyPerSubject(
        {
          db: d.db,
          eventBridge: d.eventBridge,
          busName: d.settings.busName,
          clock: d.clock,
          log,
          egress: d.egress,
          s3: d.s3,
          bucket: d.settings.bucket,
        },
        nppesAdapter,
        request,
      ),
  });

export { createNppesAdapterHandler };
