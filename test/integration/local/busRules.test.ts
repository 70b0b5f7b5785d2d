import {
  DescribeArchiveCommand,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationCompleted } from '../../../packages/core/src/events/contracts';
import {
  COMPLETED_DETAIL_TYPE,
  EVENT_SOURCE,
} from '../../../packages/core/src/topology';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import {
  motoClients,
  motoEndpoint,
  queueDepth,
  receiveMessages,
  uniquePrefix,
} from '../../helpers/moto';

const clients = motoClients();

const completedEvent = (
  overrides: Partial<VerificationCompleted> = {},
): VerificationCompleted => ({
  type: 'verification.completed',
  requestId: 'req-1',
  resultId: 'res-1',
  checkId: 'chk-1',
  source: 'nppes',
  workerId: 'wrk-1',
  credentialId: 'cred-1',
  outcome: 'clear',
  previousOutcome: null,
  changed: false,
  findingCodes: [],
  receiptKey: null,
  adapterVersion: 'nppes@1',
  checkedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

const putCompleted = (
  resources: LocalResources,
  event: VerificationCompleted,
) =>
  clients.eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: resources.busName,
          Source: EVENT_SOURCE,
          DetailType: COMPLETED_DETAIL_TYPE,
          Detail: JSON.stringify(event),
        },
      ],
    }),
  );

describe('provisionTopology: Passport bus', () => {
  let resources: LocalResources;

  beforeAll(async () => {
    resources = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix: uniquePrefix('bus'),
    });
  });

  afterAll(() => clients.destroy());

  it('routes a changed, flagged result to the notifications queue', async () => {
    await putCompleted(
      resources,
      completedEvent({
        checkId: 'chk-flag',
        outcome: 'flagged',
        changed: true,
      }),
    );

    const received = await receiveMessages(
      clients.sqs,
      resources.notificationsQueue.url,
    );

    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]?.Body ?? '{}').detail.checkId).toBe(
      'chk-flag',
    );
  });

  it('sends an unchanged clear result to the container queue only', async () => {
    const notificationsBefore = await queueDepth(
      clients.sqs,
      resources.notificationsQueue.url,
    );

    await putCompleted(resources, completedEvent({ checkId: 'chk-clear' }));

    const container = await receiveMessages(
      clients.sqs,
      resources.containerQueue.url,
    );
    const checkIds = container.map(
      (m) => JSON.parse(m.Body ?? '{}').detail.checkId,
    );
    expect(checkIds).toContain('chk-clear');
    expect(
      await queueDepth(clients.sqs, resources.notificationsQueue.url),
    ).toBe(notificationsBefore);
  });

  it('archives the bus for replay', async () => {
    const archive = await clients.eventBridge.send(
      new DescribeArchiveCommand({ ArchiveName: resources.archiveName }),
    );

    expect(archive.EventSourceArn).toBe(resources.busArn);
    expect(archive.State).toBe('ENABLED');
  });
});
