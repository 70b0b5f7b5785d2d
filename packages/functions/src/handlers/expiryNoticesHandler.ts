import { runScheduledNotices } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import { scheduledHandler } from './scheduledHandler';

/**
 * Started daily: expiry reminders at their day marks and the operators'
 * digest of sources unavailable for too long.
 */
const createExpiryNoticesHandler = (deps: DepsProvider<'ses'>) =>
  scheduledHandler({
    name: 'expiry-notices',
    deps,
    run: (d, log) =>
      runScheduledNotices({
        db: d.db,
        ses: d.ses,
        from: d.settings.sesFrom,
        configurationSet: d.settings.configurationSet,
        appBaseUrl: d.settings.appBaseUrl,
        operatorEmail: d.settings.operatorEmail,
        clock: d.clock,
        log,
      }),
  });

export { createExpiryNoticesHandler };
