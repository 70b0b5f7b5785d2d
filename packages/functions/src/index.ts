export { createExpiryNoticesHandler } from './handlers/expiryNoticesHandler';
export { createLeieRefreshHandler } from './handlers/leieRefreshHandler';
export { createLeieScreenHandler } from './handlers/leieScreenHandler';
export { createNotifierHandler } from './handlers/notifierHandler';
export { createNppesAdapterHandler } from './handlers/nppesAdapterHandler';
export { createSamAdapterHandler } from './handlers/samAdapterHandler';
export { createSesFeedbackHandler } from './handlers/sesFeedbackHandler';
export { createSweepHandler } from './handlers/sweepHandler';
export type { DepsProvider, WorkerDeps } from './runtime/workerDeps';
