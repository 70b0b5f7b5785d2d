import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduledNoticesReport } from '../../../packages/core/src/notifications/runScheduledNotices';
import { createExpiryNoticesHandler } from '../../../packages/functions/src/handlers/expiryNoticesHandler';
import { LOCAL_OPERATOR_EMAIL } from '../../../packages/local/src/run/localDeps';
import { makeTenancyRoster, tenancyIds } from '../../factories/tenancyRoster';
import {
  lambdaContext,
  type NotifyHarness,
  startNotifyHarness,
} from './notifyHarness';

describe('the scheduled notices job', () => {
  let harness: NotifyHarness;
  let ids: ReturnType<typeof tenancyIds>;
  let now = new Date('2026-06-01T13:00:00Z');

  const run = async (): Promise<ScheduledNoticesReport> =>
    createExpiryNoticesHandler(async () => harness.deps)(
      {},
      lambdaContext('expiry-notices'),
    );

  beforeAll(async () => {
    harness = await startNotifyHarness({
      name: 'scheduled-notices',
      // Both licenses expire 30 days after the first run.
      roster: (tag) => makeTenancyRoster(tag, { expiresOn: '2026-07-01' }),
      clock: () => now,
    });
    ids = tenancyIds(harness.tag);
    const checkedAt = new Date('2026-06-01T12:05:00Z');
    await harness.store.db
      .updateTable('checks')
      .set({ last_outcome: 'clear', last_checked_at: checkedAt })
      .where('id', '=', `chk-${ids.workerA}`)
      .execute();
    // Worker B's source has failed six times in a row.
    await harness.store.db
      .updateTable('checks')
      .set({
        last_outcome: 'source_unavailable',
        last_checked_at: checkedAt,
        consecutive_failures: 6,
      })
      .where('id', '=', `chk-${ids.workerB}`)
      .execute();
  });

  afterAll(() => harness.close());

  it('reminds the worker and the employer at the 30-day mark', async () => {
    const report = await run();

    const received = await harness.sentTo(...Object.values(ids.email));
    expect(report.expiring).toEqual({
      due: 2,
      sent: 2,
      skipped: 0,
      suppressed: 0,
      withheld: 1,
    });
    expect(received.map((email) => [email.to, email.kind]).sort()).toEqual(
      [
        [ids.email.employer, 'expiring'],
        [ids.email.workerA, 'expiring'],
      ].sort(),
    );
    expect(received.map((email) => email.subject).join('|')).toContain(
      'in 30 days',
    );
  });

  it('tells operators, and only operators, about the failing source', async () => {
    const operatorMail = (await harness.sentTo(LOCAL_OPERATOR_EMAIL)).filter(
      (email) =>
        email.kind === 'source_unavailable' &&
        email.noticeId.startsWith('operator.'),
    );
    const toWorkerB = await harness.sentTo(
      ids.email.workerB,
      ids.email.otherFacility,
    );

    expect(operatorMail.length).toBeGreaterThanOrEqual(1);
    expect(operatorMail.at(-1)?.html).toContain('failed 6 time(s) in a row');
    expect(toWorkerB).toEqual([]);
  });

  it('sends nothing new when the job runs again the same day', async () => {
    const before = await harness.sentTo(...Object.values(ids.email));

    const report = await run();

    const after = await harness.sentTo(...Object.values(ids.email));
    expect(report.expiring.sent).toBe(0);
    expect(report.expiring.skipped).toBe(2);
    expect(report.outages).toMatchObject({ sent: 0, skipped: 1 });
    expect(after).toHaveLength(before.length);
  });

  it('sends nothing between marks and again at the next one', async () => {
    now = new Date('2026-06-02T13:00:00Z');
    const between = await run();
    now = new Date('2026-06-17T13:00:00Z');

    const atFourteen = await run();

    expect(between.expiring).toMatchObject({ sent: 0, skipped: 2 });
    expect(atFourteen.expiring).toMatchObject({ sent: 2, skipped: 0 });
    const received = await harness.sentTo(ids.email.workerA);
    expect(received.map((email) => email.subject)).toContain(
      'Reminder: your credential expires in 14 days',
    );
  });
});
