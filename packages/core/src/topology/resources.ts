import { CADENCE_SCHEDULES } from '../cadence/schedules';
import { NOTIFIABLE_OUTCOMES } from '../domain/outcome';
import type { FunctionSpec, SourceId } from './sources';

/** Home region: data and processing never leave it. */
const HOME_REGION = 'us-east-2';

/** Base names of the messaging and storage resources. */
const RESOURCE_NAMES = {
  requestsTopic: 'verification-requests',
  bus: 'passport',
  receiptsBucket: 'source-receipts',
  notificationsQueue: 'notifications',
  containerQueue: 'container-events',
  archive: 'passport-events',
  /** SES bounce and complaint feedback, and the queue it is read from. */
  sesFeedbackTopic: 'ses-feedback',
  sesFeedbackQueue: 'email-feedback',
} as const;

/** Names of the per-source adapter queue and its DLQ. */
const sourceQueueName = (source: SourceId): string => `verify-${source}`;
const deadLetterQueueName = (queue: string): string => `${queue}-dlq`;

/** EventBridge `source` field of every event the tier puts on the bus. */
const EVENT_SOURCE = 'rovn.passport';
const COMPLETED_DETAIL_TYPE = 'verification.completed';

/** Bus rules and the queue each one targets. */
const BUS_RULES = [
  {
    name: 'notify-on-change',
    description: 'Changes people must hear about go to the notifier',
    target: RESOURCE_NAMES.notificationsQueue,
    pattern: {
      source: [EVENT_SOURCE],
      'detail-type': [COMPLETED_DETAIL_TYPE],
      detail: { changed: [true], outcome: [...NOTIFIABLE_OUTCOMES] },
    },
  },
  {
    name: 'all-to-container',
    description: 'Every completed verification goes to the container tier',
    target: RESOURCE_NAMES.containerQueue,
    pattern: {
      source: [EVENT_SOURCE],
      'detail-type': [COMPLETED_DETAIL_TYPE],
    },
  },
] as const;

/** The scheduled and queue-driven functions that are not source adapters. */
const FUNCTIONS = {
  sweep: {
    id: 'sweep',
    handler: 'packages/functions/src/sweep.handler',
    timeoutSeconds: 120,
    memoryMb: 512,
  },
  leieRefresh: {
    id: 'leie-refresh',
    handler: 'packages/functions/src/leieRefresh.handler',
    timeoutSeconds: 600,
    memoryMb: 1024,
  },
  notifier: {
    id: 'notifier',
    handler: 'packages/functions/src/notifier.handler',
    timeoutSeconds: 30,
    memoryMb: 512,
  },
  expiryNotices: {
    id: 'expiry-notices',
    handler: 'packages/functions/src/expiryNotices.handler',
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  coverageReport: {
    id: 'coverage-report',
    handler: 'packages/functions/src/coverageReport.handler',
    timeoutSeconds: 120,
    memoryMb: 512,
  },
  nursysNotifications: {
    id: 'nursys-notifications',
    handler: 'packages/functions/src/nursysNotifications.handler',
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  sesFeedback: {
    id: 'ses-feedback',
    handler: 'packages/functions/src/sesFeedback.handler',
    timeoutSeconds: 30,
    memoryMb: 256,
  },
} as const satisfies Record<string, FunctionSpec>;

/**
 * EventBridge schedules (six-field cron or rate, UTC). The local stack
 * fires these itself because the emulator does not.
 */
const SCHEDULES = [
  { name: 'sweep', expression: CADENCE_SCHEDULES.sweep, target: 'sweep' },
  {
    name: 'leie-refresh',
    expression: CADENCE_SCHEDULES.listRefresh,
    target: 'leieRefresh',
  },
  // After the 12:00 UTC expiry checks, so a reminder follows a fresh check.
  {
    name: 'expiry-notices',
    expression: 'cron(0 13 * * ? *)',
    target: 'expiryNotices',
  },
  // The day's coverage record and the overdue metric, after the day's
  // expiry checks and reminders have run.
  {
    name: 'coverage-report',
    expression: 'cron(0 14 * * ? *)',
    target: 'coverageReport',
  },
  // Daily, before the bulk refresh and the 12:00 expiry checks, so the
  // changes Nursys reported overnight are re-verified the same morning.
  {
    name: 'nursys-notifications',
    expression: CADENCE_SCHEDULES.changeNotices,
    target: 'nursysNotifications',
  },
] as const;

/** Receipts are kept under Object Lock GOVERNANCE for this many years. */
const RECEIPT_RETENTION_YEARS = 7;

export {
  BUS_RULES,
  COMPLETED_DETAIL_TYPE,
  deadLetterQueueName,
  EVENT_SOURCE,
  FUNCTIONS,
  HOME_REGION,
  RECEIPT_RETENTION_YEARS,
  RESOURCE_NAMES,
  SCHEDULES,
  sourceQueueName,
};
