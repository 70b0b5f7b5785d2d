import { refreshLeieList } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import { scheduledHandler } from './scheduledHandler';

/** Started daily: downloads the LEIE full list when it changed. */
const createLeieRefreshHandler = (deps: DepsProvider<'s3'>) =>
  scheduledHandler({
    name: 'leie-refresh',
    deps,
    run: (d, log) =>
      refreshLeieList({
        db: d.db,
        egress: d.egress,
        s3: d.s3,
        bucket: d.settings.bucket,
        clock: d.clock,
        log,
      }),
  });

export { createLeieRefreshHandler };
