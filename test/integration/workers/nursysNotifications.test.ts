import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeNursysNotification,
  NursysNotificationError,
} from '../../../packages/core/src';
import { createNursysNotificationsHandler } from '../../../packages/functions/src/handlers/nursysNotificationsHandler';
import { makeRoster } from '../../factories/roster';
import {
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const FAR = new Date('2031-01-01T00:00:00Z');

const license = (n: number) => ({
  jurisdiction: 'KS',
  number: `RN00${n}`,
  type: 'RN',
});

describe('the Nursys notification lookup', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'nursys-notices',
      roster: makeRoster(
        [1, 2, 3].map((n) => ({
          id: `w${n}`,
          sources: ['nursys', 'sam'],
          license: license(n),
          dueAt: FAR,
        })),
      ),
      simulator: {
        nursys: {
          notifications: [
            // Reported as Nursys writes it: other case, spaces.
            makeNursysNotification({
              jurisdiction: 'ks',
              licenseNumber: ' rn001 ',
              licenseType: 'RN',
              notificationType: 'Discipline',
            }),
            makeNursysNotification({
              jurisdiction: 'KS',
              licenseNumber: 'RN002',
              licenseType: 'RN',
            }),
            makeNursysNotification({
              jurisdiction: 'KS',
              licenseNumber: 'RN002',
              licenseType: 'RN',
              notificationType: 'LicenseExpiration',
            }),
            makeNursysNotification({
              jurisdiction: 'MO',
              licenseNumber: '2011000999',
              licenseType: 'RN',
            }),
          ],
        },
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  const handlerAt = (at: Date) =>
    createNursysNotificationsHandler(
      async () => ({ ...harness.deps, clock: () => at }),
      {
        credentials: async () => ({ username: 'inst', password: 'fake' }),
        polling: {
          maxPolls: 3,
          firstDelayMs: 1,
          maxDelayMs: 1,
          budgetMs: 60_000,
          pendingLimitMs: 86_400_000,
        },
        sleep: async () => undefined,
      },
    );

  const dueChecks = async (at: Date) =>
    (
      await harness.store.db
        .selectFrom('checks')
        .select('id')
        .where('next_due_at', '<=', at)
        .orderBy('id')
        .execute()
    ).map((row) => row.id);

  it('makes just the reported nurses checks due and counts the rest', async () => {
    const now = new Date('2026-03-02T05:00:00Z');

    const report = await handlerAt(now)({}, testContext('nursys-notices'));
    const receipt = await harness.store.db
      .selectFrom('receipts')
      .select('key')
      .where('key', '=', report.receiptKey)
      .execute();

    expect(report).toMatchObject({
      windowStart: '2026-03-01T05:00:00.000Z',
      windowEnd: '2026-03-02T05:00:00.000Z',
      reported: 4,
      knownLicenses: 2,
      unknownLicenses: 1,
      checksMarkedDue: 2,
    });
    expect(await dueChecks(now)).toEqual(['c-w1-nursys', 'c-w2-nursys']);
    expect(receipt).toHaveLength(1);
    expect(
      harness.simulator.received
        .filter((r) => r.route === 'nursys')
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([
      'POST /nursys/api/notificationlookup',
      'GET /nursys/api/notificationlookup',
      'GET /nursys/api/notificationlookup',
    ]);
  });

  it('asks next from where the last complete lookup ended', async () => {
    const now = new Date('2026-03-03T05:00:00Z');

    const report = await handlerAt(now)({}, testContext('nursys-notices'));

    expect([report.windowStart, report.windowEnd]).toEqual([
      '2026-03-02T05:00:00.000Z',
      '2026-03-03T05:00:00.000Z',
    ]);
    // Already due: nothing more to move.
    expect(report.checksMarkedDue).toBe(0);
  });

  it('keeps the window when the answer is not understood', async () => {
    harness.simulator.setNursysNotifications([
      { JurisdictionAbbreviation: 'KS', LicenseType: 'RN' },
    ]);
    const failing = new Date('2026-03-04T05:00:00Z');
    const after = new Date('2026-03-05T05:00:00Z');

    const run = handlerAt(failing)({}, testContext('nursys-notices'));
    await expect(run).rejects.toBeInstanceOf(NursysNotificationError);
    harness.simulator.setNursysNotifications([]);
    const report = await handlerAt(after)({}, testContext('nursys-notices'));

    expect(report.windowStart).toBe('2026-03-03T05:00:00.000Z');
    expect(report.reported).toBe(0);
  });
});
