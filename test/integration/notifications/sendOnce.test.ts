import type { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../packages/core/src/log/logger';
import {
  NoticeDeliveryError,
  NoticeInFlightError,
} from '../../../packages/core/src/notifications/errors';
import {
  type NotifyDeps,
  notifyChange,
} from '../../../packages/core/src/notifications/notifyChange';
import { reserveNotification } from '../../../packages/core/src/store/notificationLog';
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

    const settled = await Promise.allSettled([
      notifyChange(deps, event),
      notifyChange(deps, event),
      notifyChange(deps, event),
    ]);

    const after = await harness.sentTo(ids.email.workerA, ids.email.employer);
    const reports = settled.flatMap((s) =>
      s.status === 'fulfilled' ? [s.value] : [],
    );
    const refusals = settled.flatMap((s) =>
      s.status === 'rejected' ? [s.reason as unknown] : [],
    );
    expect(after.length - before.length).toBe(2);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(2);
    // A racer that meets a notice still in flight leaves its message for
    // a retry instead of consuming it.
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(NoticeInFlightError);
    }
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

  it('retries, rather than consumes, a redelivery while a crashed notifier holds the notice', async () => {
    const event = aCompletedEvent(ids.workerB, {
      resultId: `crash-${ids.workerB}`,
    });
    const key = `${event.resultId}:flagged:worker:${ids.workerB}`;
    // The notifier that took the key died before SES was called.
    await reserveNotification(
      harness.store.db,
      {
        dedupeKey: key,
        noticeKind: 'flagged',
        recipientRole: 'worker',
        recipientEmail: ids.email.workerB,
        workerId: ids.workerB,
        checkId: event.checkId,
        resultId: event.resultId,
      },
      { now: NOW, staleAfterMs: 60_000 },
    );
    const before = await harness.sentTo(ids.email.workerB);

    const soon = notifyChange(
      {
        ...deps,
        staleAfterMs: 60_000,
        clock: () => new Date(NOW.getTime() + 5_000),
      },
      event,
    );
    await expect(soon).rejects.toThrow(NoticeInFlightError);
    const later = await notifyChange(
      {
        ...deps,
        staleAfterMs: 60_000,
        clock: () => new Date(NOW.getTime() + 61_000),
      },
      event,
    );

    // The worker's notice once, after the takeover; the facility's too.
    const after = await harness.sentTo(ids.email.workerB);
    expect(later.sent).toBe(2);
    expect(after.length - before.length).toBe(1);
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
