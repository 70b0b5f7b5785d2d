import type { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../packages/core/src/log/logger';
import { NoticeDeliveryError } from '../../../packages/core/src/notifications/errors';
import {
  type NotifyDeps,
  notifyChange,
} from '../../../packages/core/src/notifications/notifyChange';
import { createNotifierHandler } from '../../../packages/functions/src/handlers/notifierHandler';
import {
  aCompletedEvent,
  makeTenancyRoster,
  tenancyIds,
} from '../../factories/tenancyRoster';
import {
  lambdaContext,
  type NotifyHarness,
  startNotifyHarness,
} from './notifyHarness';

const NOW = new Date('2026-06-01T12:00:00Z');

/** An SES client whose first `failures` sends throw, then pass through. */
const failingFirst = (ses: SESClient, failures: number) => {
  let left = failures;
  let attempts = 0;
  const client = {
    send: async (command: Parameters<SESClient['send']>[0]) => {
      attempts += 1;
      if (left > 0) {
        left -= 1;
        throw Object.assign(new Error('Throttling: rate exceeded'), {
          name: 'Throttling',
        });
      }

      return ses.send(command);
    },
  } as unknown as SESClient;

  return { client, attempts: () => attempts };
};

describe('once per notice', () => {
  let harness: NotifyHarness;
  let ids: ReturnType<typeof tenancyIds>;
  let deps: NotifyDeps;

  beforeAll(async () => {
    harness = await startNotifyHarness({
      name: 'send-once',
      roster: (tag) => makeTenancyRoster(tag),
      clock: () => NOW,
    });
    ids = tenancyIds(harness.tag);
    deps = {
      db: harness.store.db,
      ses: harness.deps.ses,
      from: harness.deps.settings.sesFrom,
      configurationSet: harness.deps.settings.configurationSet,
      appBaseUrl: harness.deps.settings.appBaseUrl,
      clock: () => NOW,
      log: silentLog,
    };
  });

  afterAll(() => harness.close());

  const sentFor = async (resultId: string) => {
    const rows = await harness.store.db
      .selectFrom('notification_log')
      .select(['status', 'ses_message_id'])
      .where('result_id', '=', resultId)
      .execute();

    return rows;
  };

  it('sends each notice once when three notifiers race on one event', async () => {
    const event = aCompletedEvent(ids.workerA, {
      resultId: `race-${ids.workerA}`,
    });
    const before = await harness.sentTo(ids.email.workerA, ids.email.employer);

    const reports = await Promise.all([
      notifyChange(deps, event),
      notifyChange(deps, event),
      notifyChange(deps, event),
    ]);

    const after = await harness.sentTo(ids.email.workerA, ids.email.employer);
    expect(after.length - before.length).toBe(2);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBe(4);
    const rows = await sentFor(event.resultId);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('sends nothing new when the queue delivers a message again', async () => {
    const event = aCompletedEvent(ids.workerA, {
      resultId: `redeliver-${ids.workerA}`,
    });
    const record = {
      messageId: 'm-1',
      receiptHandle: 'r-1',
      body: JSON.stringify({ detail: event }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(NOW.getTime()),
        SenderId: 'events',
        ApproximateFirstReceiveTimestamp: String(NOW.getTime()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: harness.resources.notificationsQueue.arn,
      awsRegion: 'us-east-2',
    };
    const handler = createNotifierHandler(async () => harness.deps);
    const before = await harness.sentTo(ids.email.workerA, ids.email.employer);

    const first = await handler({ Records: [record] }, lambdaContext('n'));
    const second = await handler(
      { Records: [{ ...record, messageId: 'm-2' }] },
      lambdaContext('n'),
    );

    const after = await harness.sentTo(ids.email.workerA, ids.email.employer);
    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(after.length - before.length).toBe(2);
  });

  it('retries a failed SES call without sending any notice twice', async () => {
    const event = aCompletedEvent(ids.workerA, {
      resultId: `retry-${ids.workerA}`,
    });
    const flaky = failingFirst(harness.deps.ses, 1);
    const flakyDeps = { ...deps, ses: flaky.client };
    const before = await harness.sentTo(ids.email.workerA, ids.email.employer);

    const firstTry = notifyChange(flakyDeps, event);
    await expect(firstTry).rejects.toThrow(NoticeDeliveryError);
    const afterFailure = await sentFor(event.resultId);
    const retry = await notifyChange(flakyDeps, event);
    const again = await notifyChange(flakyDeps, event);

    const after = await harness.sentTo(ids.email.workerA, ids.email.employer);
    expect(afterFailure.map((row) => row.status)).toEqual(['failed']);
    expect(retry.sent).toBe(2);
    expect(again).toMatchObject({ sent: 0, skipped: 2 });
    expect(flaky.attempts()).toBe(3);
    expect(after.length - before.length).toBe(2);
    const rows = await sentFor(event.resultId);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('keeps the address out of the failure message', async () => {
    const event = aCompletedEvent(ids.workerB, {
      resultId: `msg-${ids.workerB}`,
    });
    const flaky = failingFirst(harness.deps.ses, 1);

    const failure = await notifyChange({ ...deps, ses: flaky.client }, event)
      .then(() => undefined)
      .catch((error: unknown) => error as Error);

    expect(failure).toBeInstanceOf(NoticeDeliveryError);
    expect(failure?.message).toContain('Throttling');
    expect(failure?.message).not.toContain('@');
  });
});
