import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationCompleted } from '../../../packages/core/src/events/contracts';
import { recipientsFor } from '../../../packages/core/src/store';
import {
  COMPLETED_DETAIL_TYPE,
  EVENT_SOURCE,
} from '../../../packages/core/src/topology';
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

describe('routing by tenancy', () => {
  let harness: NotifyHarness;
  let ids: ReturnType<typeof tenancyIds>;

  beforeAll(async () => {
    harness = await startNotifyHarness({
      name: 'routing',
      roster: (tag) => makeTenancyRoster(tag),
      clock: () => NOW,
    });
    ids = tenancyIds(harness.tag);
  });

  afterAll(() => harness.close());

  /** Puts events on the bus and runs the notifier on what the rule routes. */
  const notifyThroughBus = async (events: VerificationCompleted[]) => {
    await harness.clients.eventBridge.send(
      new PutEventsCommand({
        Entries: events.map((event) => ({
          EventBusName: harness.resources.busName,
          Source: EVENT_SOURCE,
          DetailType: COMPLETED_DETAIL_TYPE,
          Detail: JSON.stringify(event),
        })),
      }),
    );
    const batch = await harness.drain(harness.resources.notificationsQueue);
    const handler = createNotifierHandler(async () => harness.deps);

    return handler(batch, lambdaContext('notifier'));
  };

  it('lists only facilities with an engagement active on the day', async () => {
    const onDay = async (day: string) =>
      (await recipientsFor(harness.store.db, ids.workerA, day))?.facilities.map(
        (f) => f.id,
      );

    const [whileFormer, afterEnd, onEndDay, afterStart] = await Promise.all([
      onDay('2026-01-15'),
      onDay('2026-06-01'),
      onDay('2026-01-31'),
      onDay('2027-02-01'),
    ]);

    expect(whileFormer).toEqual([ids.employer, ids.formerEmployer].sort());
    expect(onEndDay).toEqual([ids.employer, ids.formerEmployer].sort());
    expect(afterEnd).toEqual([ids.employer]);
    expect(afterStart).toEqual([ids.employer, ids.futureEmployer].sort());
  });

  it('never lists a facility that does not employ the worker', async () => {
    const recipients = await recipientsFor(
      harness.store.db,
      ids.workerB,
      '2026-06-01',
    );

    expect(recipients?.worker.id).toBe(ids.workerB);
    expect(recipients?.facilities.map((f) => f.id)).toEqual([
      ids.otherFacility,
    ]);
  });

  it('emails the worker and the current employer only, end to end', async () => {
    const response = await notifyThroughBus([aCompletedEvent(ids.workerA)]);

    expect(response.batchItemFailures).toEqual([]);
    const received = await harness.sentTo(...Object.values(ids.email));
    expect(received.map((email) => email.to).sort()).toEqual(
      [ids.email.workerA, ids.email.employer].sort(),
    );
    expect(received.every((email) => email.kind === 'flagged')).toBe(true);
  });

  it('sends a possible match to the employer and never to the worker', async () => {
    const event = aCompletedEvent(ids.workerB, {
      resultId: `res-review-${ids.workerB}`,
      outcome: 'needs_review',
      findingCodes: ['name_mismatch'],
    });

    await notifyThroughBus([event]);

    const received = await harness.sentTo(...Object.values(ids.email));
    const reviews = received.filter((email) => email.kind === 'needs_review');
    expect(reviews.map((email) => email.to)).toEqual([ids.email.otherFacility]);
  });

  it('keeps notices about one worker away from the other worker', async () => {
    const received = await harness.sentTo(ids.email.workerB);

    expect(received.map((email) => email.kind)).toEqual([]);
    const aboutA = await harness.sentTo(ids.email.workerA);
    expect(aboutA.map((email) => email.subject).join(' ')).not.toContain(
      'Bram',
    );
  });
});
