import {
  SendRawEmailCommand,
  SetIdentityNotificationTopicCommand,
  VerifyDomainIdentityCommand,
} from '@aws-sdk/client-ses';
import {
  CreateTopicCommand,
  PublishCommand,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyChange } from '../../../packages/core/src/notifications/notifyChange';
import { isSuppressed } from '../../../packages/core/src/store/suppressions';
import { createSesFeedbackHandler } from '../../../packages/functions/src/handlers/sesFeedbackHandler';
import { LOCAL_OPERATOR_EMAIL } from '../../../packages/local/src/run/localDeps';
import { aBounce, aComplaint } from '../../factories/sesFeedback';
import {
  aCompletedEvent,
  makeTenancyRoster,
  tenancyIds,
} from '../../factories/tenancyRoster';
import {
  type CapturedLog,
  captureLog,
  lambdaContext,
  type NotifyHarness,
  startNotifyHarness,
} from './notifyHarness';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('SES feedback and the suppression list', () => {
  let harness: NotifyHarness;
  let ids: ReturnType<typeof tenancyIds>;

  beforeAll(async () => {
    harness = await startNotifyHarness({
      name: 'suppression',
      roster: (tag) => makeTenancyRoster(tag),
      clock: () => NOW,
    });
    ids = tenancyIds(harness.tag);
  });

  afterAll(() => harness.close());

  /** Publishes feedback to the topic and runs the handler on the queue. */
  const deliverFeedback = async (...bodies: unknown[]) => {
    for (const body of bodies) {
      await harness.clients.sns.send(
        new PublishCommand({
          TopicArn: harness.resources.feedbackTopicArn,
          Message: JSON.stringify(body),
        }),
      );
    }
    const batch = await harness.drain(harness.resources.feedbackQueue);
    const handler = createSesFeedbackHandler(async () => harness.deps);
    const response = await handler(batch, lambdaContext('ses-feedback'));

    return { received: batch.Records.length, response };
  };

  const suppressed = (email: string) => isSuppressed(harness.store.db, email);

  it('suppresses a permanent bounce and a complaint, in both shapes', async () => {
    const { received, response } = await deliverFeedback(
      aBounce([ids.email.workerA.toUpperCase()], { shape: 'notificationType' }),
      aComplaint([ids.email.employer], { shape: 'eventType' }),
    );

    expect(received).toBe(2);
    expect(response.batchItemFailures).toEqual([]);
    expect(await suppressed(ids.email.workerA)).toBe(true);
    expect(await suppressed(ids.email.employer)).toBe(true);
  });

  it('suppresses after the third transient bounce in 30 days, counting a redelivery once', async () => {
    const transient = (feedbackId: string) =>
      aBounce([ids.email.workerB], { bounceType: 'Transient', feedbackId });

    await deliverFeedback(transient('t-1'), transient('t-2'), transient('t-2'));
    const afterTwo = await suppressed(ids.email.workerB);
    await deliverFeedback(transient('t-3'));

    expect(afterTwo).toBe(false);
    expect(await suppressed(ids.email.workerB)).toBe(true);
  });

  it('sends feedback it cannot read to the retry path, not the list', async () => {
    const { response } = await deliverFeedback({ notificationType: 'Bounce' });

    expect(response.batchItemFailures).toHaveLength(1);
  });

  describe('the notifier, for suppressed addresses', () => {
    let log: CapturedLog;
    let report: Awaited<ReturnType<typeof notifyChange>>;

    beforeAll(async () => {
      log = captureLog();
      report = await notifyChange(
        {
          db: harness.store.db,
          ses: harness.deps.ses,
          from: harness.deps.settings.sesFrom,
          configurationSet: harness.deps.settings.configurationSet,
          appBaseUrl: harness.deps.settings.appBaseUrl,
          operatorEmail: LOCAL_OPERATOR_EMAIL,
          clock: () => NOW,
          log,
        },
        aCompletedEvent(ids.workerA, { resultId: `supp-${ids.workerA}` }),
      );
    });

    it('skips them and records the notices as suppressed', async () => {
      const rows = await harness.store.db
        .selectFrom('notification_log')
        .select(['recipient_role', 'status'])
        .where('result_id', '=', `supp-${ids.workerA}`)
        .orderBy('recipient_role')
        .execute();

      expect(report).toEqual({ sent: 0, skipped: 0, suppressed: 2 });
      expect(rows).toEqual([
        { recipient_role: 'facility', status: 'suppressed' },
        { recipient_role: 'worker', status: 'suppressed' },
      ]);
      expect(
        await harness.sentTo(ids.email.workerA, ids.email.employer),
      ).toEqual([]);
    });

    it('reports the facility nobody can reach to operators', async () => {
      const operatorMail = (await harness.sentTo(LOCAL_OPERATOR_EMAIL)).filter(
        (email) =>
          email.kind === 'facility_unreachable' &&
          email.subject.includes('Lakeside General'),
      );

      expect(operatorMail.length).toBeGreaterThanOrEqual(1);
      expect(
        log.lines.some(
          (line) =>
            (line.attributes as Record<string, unknown>).event ===
            'facility_unreachable',
        ),
      ).toBe(true);
    });

    it('logs a reason and a hash, never the address', () => {
      const written = JSON.stringify(log.lines);

      expect(written).toContain('address_on_suppression_list');
      expect(written).toContain('recipient_hash');
      expect(written).not.toContain(ids.email.workerA);
      expect(written).not.toContain(ids.email.employer);
    });
  });

  it("reads the emulator's own SES bounce notification", async () => {
    // moto publishes identity notifications (not configuration-set events)
    // and only to subscriptions without raw delivery, so this probe uses a
    // topic and queue of its own; the handler is the same.
    const domain = `fb-${harness.tag}.example`;
    const { ses, sns, sqs } = harness.clients;
    const { TopicArn } = await sns.send(
      new CreateTopicCommand({ Name: `probe-${harness.tag}` }),
    );
    const { QueueUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: `probe-${harness.tag}` }),
    );
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const queue = { url: QueueUrl, arn: Attributes.QueueArn ?? '' };
    await sns.send(
      new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn }),
    );
    await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    await ses.send(
      new SetIdentityNotificationTopicCommand({
        Identity: domain,
        NotificationType: 'Bounce',
        SnsTopic: TopicArn,
      }),
    );
    const raw = [
      `From: notices@${domain}`,
      `To: bounce@${domain}`,
      'Subject: probe',
      '',
      'probe',
    ].join('\r\n');
    await ses.send(
      new SendRawEmailCommand({
        RawMessage: { Data: new TextEncoder().encode(raw) },
      }),
    );

    const batch = await harness.drain(queue);
    const handler = createSesFeedbackHandler(async () => harness.deps);
    const response = await handler(batch, lambdaContext('ses-feedback'));

    // moto answers every simulated bounce with one canned message.
    expect(batch.Records).toHaveLength(1);
    expect(response.batchItemFailures).toEqual([]);
    expect(await suppressed('recipient1@example.com')).toBe(true);
  });
});
