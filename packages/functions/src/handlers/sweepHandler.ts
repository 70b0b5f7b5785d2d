import { runSweep } from '@rovn/core';
import type { DepsProvider } from '../runtime/workerDeps';
import { scheduledHandler } from './scheduledHandler';

/** Started by the sweep schedule: claims due checks and publishes them. */
const createSweepHandler = (deps: DepsProvider<'sns'>) =>
  scheduledHandler({
    name: 'sweep',
    deps,
    run: (d, log, context) =>
      runSweep({
        db: d.db,
        sns: d.sns,
        topicArn: d.settings.topicArn,
        clock: d.clock,
        log,
        remainingMs: () => context.getRemainingTimeInMillis(),
      }),
  });

export { createSweepHandler };
