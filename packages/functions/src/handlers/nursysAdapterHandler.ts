import {
  type NursysCredentialsProvider,
  type NursysPolling,
  verificationRequestedSchema,
  verifyNursysCheck,
} from '@rovn/core';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/** What the Nursys adapter needs besides the shared dependencies. */
interface NursysAdapterOptions {
  credentials: NursysCredentialsProvider;
  /** Default `NURSYS_POLLING`. */
  polling?: NursysPolling;
  /** Waits between polls; default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long a submit another invocation began is left to it; default
   * core's, for the deployed time limit. A runtime with another time
   * limit (the local run) passes its own.
   */
  submitStaleAfterMs?: number;
}

/** Consumes the Nursys queue: one nurse lookup per request message. */
const createNursysAdapterHandler = (
  deps: DepsProvider<'s3' | 'eventBridge'>,
  options: NursysAdapterOptions,
) =>
  sqsBatchHandler({
    name: 'nursys-adapter',
    schema: verificationRequestedSchema,
    deps,
    process: (request, d, log) =>
      verifyNursysCheck(
        {
          db: d.db,
          eventBridge: d.eventBridge,
          busName: d.settings.busName,
          clock: d.clock,
          log,
          egress: d.egress,
          s3: d.s3,
          bucket: d.settings.bucket,
          credentials: options.credentials,
          ...(options.polling === undefined
            ? {}
            : { polling: options.polling }),
          ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
          ...(options.submitStaleAfterMs === undefined
            ? {}
            : { submitStaleAfterMs: options.submitStaleAfterMs }),
        },
        request,
      ),
  });

export type { NursysAdapterOptions };
export { createNursysAdapterHandler };
