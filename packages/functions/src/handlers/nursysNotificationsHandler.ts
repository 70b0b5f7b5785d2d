import { lookupNursysNotifications } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import type { NursysAdapterOptions } from './nursysAdapterHandler';
import { scheduledHandler } from './scheduledHandler';

/**
 * Started daily: asks Nursys what changed for the enrolled nurses and
 * makes just their checks due.
 */
const createNursysNotificationsHandler = (
  deps: DepsProvider<'s3'>,
  options: NursysAdapterOptions,
) =>
  scheduledHandler({
    name: 'nursys-notifications',
    deps,
    run: (d, log) =>
      lookupNursysNotifications({
        db: d.db,
        egress: d.egress,
        s3: d.s3,
        bucket: d.settings.bucket,
        clock: d.clock,
        log,
        credentials: options.credentials,
        ...(options.polling === undefined ? {} : { polling: options.polling }),
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      }),
  });

export { createNursysNotificationsHandler };
