/**
 * The public API of `@rovn/core`, shared by the Lambda handlers, the
 * local stack and the container tier. Nothing here imports Lambda code.
 */
export * from './cadence/nextDueAt';
export * from './cadence/policy';
export * from './config/databaseUrlFromSecret';
export * from './config/workerConfig';
export * from './domain/classification';
export * from './domain/finding';
export * from './domain/outcome';
export * from './domain/subject';
export * from './egress';
export * from './errors';
export * from './events/contracts';
export * from './log/logger';
export * from './log/redactPhi';
export * from './matching';
export * from './messaging/publishRequests';
export * from './messaging/putCompletedEvent';
export * from './notifications/findingText';
export * from './notifications/notifyChange';
export * from './notifications/render/composeRawEmail';
export * from './notifications/render/notice';
export * from './notifications/render/renderNotice';
export * from './npi';
export * from './receipts/archiveReceipt';
export * from './receipts/errors';
export * from './receipts/manifest';
export * from './receipts/readReceipt';
export * from './receipts/receiptKeys';
export * from './sources/nppes';
export * from './sources/nppes/nppesAdapter';
export * from './sources/oig-leie';
export * from './sources/oig-leie/leieUrls';
export * from './store';
export * from './topology';
export * from './workflows/classifyEgressFailure';
export * from './workflows/completeCheck';
export * from './workflows/perSubjectAdapter';
export * from './workflows/refreshLeieList';
export * from './workflows/runSweep';
export * from './workflows/screenLeieCheck';
export * from './workflows/verifyPerSubject';
