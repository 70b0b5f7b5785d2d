import { createHash } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SOURCES } from '../../../packages/core/src/topology';
import type { DeliveryFaults } from '../../../packages/local/src/poller/deliveryFaults';
import { DrainTimeoutError } from '../../../packages/local/src/poller/errors';
import {
  type QueuePoller,
  type SqsBatchHandler,
  startQueuePoller,
} from '../../../packages/local/src/poller/startQueuePoller';
import { waitUntilDrained } from '../../../packages/local/src/poller/waitUntilDrained';
import type { QueueResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import {
  motoClients,
  motoEndpoint,
  queueDepth,
  uniquePrefix,
} from '../../helpers/moto';

const clients = motoClients();

const sendBodies = (queue: QueueResources, ...bodies: string[]) =>
  clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queue.url,
      Entries: bodies.map((body, index) => ({
        Id: String(index),
        MessageBody: body,
        MessageAttributes: {
          source: { DataType: 'String', StringValue: 'nppes' },
        },
      })),
    }),
  );

/** A fresh nppes queue pair with a 1 s visibility timeout. */
const freshQueue = async (name: string): Promise<QueueResources> => {
  const resources = await provisionTopology({
    endpoint: motoEndpoint(),
    prefix: uniquePrefix(name),
    visibilityTimeoutSeconds: 1,
  });

  return resources.queues.nppes;
};

/** A handler that holds every batch until `release` is called. */
const gatedHandler = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const state = { active: 0, maxActive: 0 };
  const handler: SqsBatchHandler = async () => {
    state.active += 1;
    state.maxActive = Math.max(state.maxActive, state.active);
    await gate;
    state.active -= 1;
  };

  return { handler, state, release: () => open() };
};

describe('startQueuePoller', () => {
  let poller: QueuePoller | undefined;

  const start = (
    queue: QueueResources,
    handler: SqsBatchHandler,
    overrides: { batchSize?: number; maxConcurrency?: number } = {},
  ) => {
    poller = startQueuePoller({
      sqs: clients.sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      batchSize: 10,
      maxConcurrency: 1,
      timeoutSeconds: 5,
      name: 'nppes-adapter',
      handler,
      ...overrides,
    });

    return poller;
  };

  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
  });

  afterAll(() => clients.destroy());

  it('hands the handler records in the shape Lambda gives', async () => {
    const queue = await freshQueue('poller-shape');
    const seen: { records: SQSRecord[]; context?: Context } = { records: [] };
    await sendBodies(queue, '{"checkId":"chk-1"}');

    const running = start(queue, async (event, context) => {
      seen.records.push(...event.Records);
      seen.context = context;
    });
    await vi.waitFor(() => expect(running.stats.deleted).toBe(1), {
      timeout: 10_000,
    });

    const [record] = seen.records;
    expect(record).toMatchObject({
      body: '{"checkId":"chk-1"}',
      md5OfBody: createHash('md5').update('{"checkId":"chk-1"}').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'us-east-2',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        source: {
          stringValue: 'nppes',
          dataType: 'String',
          stringListValues: [],
          binaryListValues: [],
        },
      },
    });
    expect(record?.attributes.SentTimestamp).toMatch(/^\d+$/);
    expect(seen.context?.functionName).toBe('nppes-adapter');
    expect(seen.context?.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.context?.getRemainingTimeInMillis()).toBeLessThanOrEqual(5_000);
  });

  it('deletes the successes and leaves the reported failures', async () => {
    const queue = await freshQueue('poller-partial');
    await sendBodies(queue, 'ok-1', 'fail', 'ok-2');

    const running = start(queue, async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.body === 'fail').map(
        (r) => ({ itemIdentifier: r.messageId }),
      ),
    }));
    await vi.waitFor(() => expect(running.stats.deleted).toBe(2), {
      timeout: 10_000,
    });
    await running.stop();

    expect(running.stats.failures).toBeGreaterThanOrEqual(1);
    expect(await queueDepth(clients.sqs, queue.url)).toBe(1);
  });

  it('moves a message that always fails to the DLQ after maxReceiveCount', async () => {
    const queue = await freshQueue('poller-dlq');
    const receiveCounts: string[] = [];
    await sendBodies(queue, 'poison');

    start(queue, async (event) => {
      receiveCounts.push(
        ...event.Records.map((r) => r.attributes.ApproximateReceiveCount),
      );
      throw new Error('adapter failed for check chk-poison');
    });
    await vi.waitFor(
      async () => expect(await queueDepth(clients.sqs, queue.dlqUrl)).toBe(1),
      { timeout: 30_000, interval: 250 },
    );

    const max = SOURCES.nppes.queue.maxReceiveCount;
    expect(receiveCounts).toEqual(
      Array.from({ length: max }, (_, i) => String(i + 1)),
    );
    expect(await queueDepth(clients.sqs, queue.url)).toBe(0);
  });

  it('runs at most maxConcurrency batches at once', async () => {
    const queue = await freshQueue('poller-concurrency');
    const gated = gatedHandler();
    await sendBodies(queue, 'a', 'b', 'c', 'd', 'e');

    const running = start(queue, gated.handler, {
      batchSize: 1,
      maxConcurrency: 2,
    });
    await vi.waitFor(() => expect(gated.state.active).toBe(2), {
      timeout: 10_000,
    });
    gated.release();
    await vi.waitFor(() => expect(running.stats.deleted).toBe(5), {
      timeout: 15_000,
    });

    expect(gated.state.maxActive).toBe(2);
  });

  it('settles the in-flight batch before stop resolves', async () => {
    const queue = await freshQueue('poller-stop');
    const gated = gatedHandler();
    await sendBodies(queue, 'in-flight');

    const running = start(queue, gated.handler);
    await vi.waitFor(() => expect(gated.state.active).toBe(1), {
      timeout: 10_000,
    });
    const stopped = running.stop();
    gated.release();
    await stopped;

    expect(running.stats.deleted).toBe(1);
    expect(running.isIdle()).toBe(true);
  });

  it('under faults, hands each message over twice and retries a killed invocation', async () => {
    const queue = await freshQueue('poller-faults');
    await sendBodies(queue, 'a', 'b', 'c');
    const seen: string[] = [];
    const faults: DeliveryFaults = {
      copies: () => ({ delaysMs: [0, 200], outOfOrder: false }),
      invoke: async (invocation, run) => ({
        value: await run(),
        killedAt: invocation === 1 ? 'after a test step' : null,
      }),
      retryVisibilitySeconds: () => 0,
    };

    poller = startQueuePoller({
      sqs: clients.sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      batchSize: 10,
      maxConcurrency: 1,
      name: 'nppes-adapter',
      handler: async (event) => {
        seen.push(...event.Records.map((r) => r.body));
      },
      faults,
    });
    await waitUntilDrained({
      sqs: clients.sqs,
      queueUrls: [queue.url],
      pollers: [poller],
      timeoutMs: 20_000,
    });

    const handled = (body: string) => seen.filter((b) => b === body).length;
    expect(poller.stats.killed).toBe(1);
    for (const body of ['a', 'b', 'c']) {
      expect(handled(body)).toBeGreaterThanOrEqual(2);
    }
    expect(await queueDepth(clients.sqs, queue.url)).toBe(0);
  });
});

describe('waitUntilDrained', () => {
  afterAll(() => clients.destroy());

  it('resolves once the poller has consumed every message', async () => {
    const queue = await freshQueue('drain-ok');
    const progress: number[] = [];
    await sendBodies(queue, 'one', 'two');
    const poller = startQueuePoller({
      sqs: clients.sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      batchSize: 10,
      maxConcurrency: 1,
      name: 'drain-test',
      handler: async () => undefined,
    });

    await waitUntilDrained({
      sqs: clients.sqs,
      queueUrls: [queue.url],
      pollers: [poller],
      timeoutMs: 10_000,
      onProgress: (counts) => progress.push(counts[0]?.visible ?? -1),
    });
    await poller.stop();

    expect(poller.stats.deleted).toBe(2);
    expect(progress.length).toBeGreaterThanOrEqual(3);
  });

  it('names the queues that still hold messages after the timeout', async () => {
    const queue = await freshQueue('drain-stuck');
    await sendBodies(queue, 'never-consumed');

    const act = waitUntilDrained({
      sqs: clients.sqs,
      queueUrls: [queue.url],
      timeoutMs: 500,
    });

    await expect(act).rejects.toThrow(DrainTimeoutError);
    await expect(act).rejects.toThrow(/verify-nppes \(1\)/);
  });
});
