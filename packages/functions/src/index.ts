export { createLeieRefreshHandler } from './handlers/leieRefreshHandler';
export { createLeieScreenHandler } from './handlers/leieScreenHandler';
export { createNotifierHandler } from './handlers/notifierHandler';
export { createNppesAdapterHandler } from './handlers/nppesAdapterHandler';
export { createSweepHandler } from './handlers/sweepHandler';
export type { DepsProvider, WorkerDeps } from './runtime/workerDeps';
