import {
  SAM_DEFAULT_DAILY_CALLS,
  type SamApiKeyProvider,
  verificationRequestedSchema,
  verifySamCheck,
} from '@rovn/core';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/** What the SAM adapter needs besides the shared dependencies. */
interface SamAdapterOptions {
  apiKey: SamApiKeyProvider;
  /** Default `SAM_DEFAULT_DAILY_CALLS`. */
  dailyCallLimit?: number;
}

/** Consumes the SAM queue: one SAM.gov verification per request message. */
const createSamAdapterHandler = (
  deps: DepsProvider<'s3' | 'eventBridge'>,
  options: SamAdapterOptions,
) =>
  sqsBatchHandler({
    name: 'sam-adapter',
    schema: verificationRequestedSchema,
    deps,
    process: (request, d, log) =>
      verifySamCheck(
        {
          db: d.db,
          eventBridge: d.eventBridge,
          busName: d.settings.busName,
          clock: d.clock,
          log,
          egress: d.egress,
          s3: d.s3,
          bucket: d.settings.bucket,
          apiKey: options.apiKey,
          dailyCallLimit: options.dailyCallLimit ?? SAM_DEFAULT_DAILY_CALLS,
        },
        request,
      ),
  });

export type { SamAdapterOptions };
export { createSamAdapterHandler };
