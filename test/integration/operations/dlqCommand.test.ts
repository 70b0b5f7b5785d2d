import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../../../packages/core/src';
import { createNppesAdapterHandler } from '../../../packages/functions/src/handlers/nppesAdapterHandler';
import { runDlqCommand } from '../../../packages/local/src/cli/dlqCommand';
import { toSqsRecord } from '../../../packages/local/src/poller/toSqsRecord';
import type { QueueResources } from '../../../packages/local/src/provision/localResources';
import { makeRoster } from '../../factories/roster';
import { motoEndpoint, queueDepth, receiveMessages } from '../../helpers/moto';
import {
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const MAX_RECEIVES = SOURCES.nppes.queue.maxReceiveCount;

/** A body that breaks the contract: most fields are missing. */
const brokenBody = (): string =>
  JSON.stringify({ type: 'verification.requested', requestId: 'r-broken' });

/** A valid request for a check the store does not hold. */
const unknownCheckBody = (): string =>
  JSON.stringify({
    type: 'verification.requested',
    requestId: 'r-unknown',
    checkId: 'chk-missing',
    source: 'nppes',
    workerId: 'w-missing',
    credentialId: 'c-missing',
    dueAt: '2026-01-01T00:00:00.000Z',
    requestedAt: '2026-01-01T00:00:00.000Z',
  });

const captureIo = () => {
  const out = { stdout: '', stderr: '' };

  return {
    out,
    io: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
    },
  };
};

describe('rovn dlq', () => {
  let harness: WorkerHarness;
  let queue: QueueResources;
  let prefix: string;

  /**
   * Sends a body to the nppes queue and hands it to the real adapter
   * handler on every receive until SQS moves it to the DLQ; returns the
   * message id.
   */
  const failIntoDeadLetters = async (body: string): Promise<string> => {
    const { sqs } = harness.clients;
    const { MessageId = '' } = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: body,
        MessageAttributes: {
          source: { DataType: 'String', StringValue: 'nppes' },
        },
      }),
    );
    const handler = createNppesAdapterHandler(async () => harness.deps);
    for (let attempt = 0; attempt < MAX_RECEIVES; attempt += 1) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.url,
          VisibilityTimeout: 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const message = Messages.find((m) => m.MessageId === MessageId);
      if (message === undefined) throw new Error('message not received');
      await handler(
        { Records: [toSqsRecord(message, queue.arn)] },
        testContext('nppes-adapter'),
      );
    }
    // The receive past the budget moves the message to the DLQ.
    await receiveMessages(sqs, queue.url, 0);

    return MessageId;
  };

  const dlq = (argv: string[], env: Record<string, string> = {}) => {
    const { out, io } = captureIo();
    const run = runDlqCommand(
      [...argv, '--endpoint', motoEndpoint(), '--prefix', prefix],
      io,
      { db: harness.store.db, env },
    );

    return run.then((code) => ({ code, ...out }));
  };

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'dlq-cli',
      roster: makeRoster([{ id: 'w1' }]),
    });
    queue = harness.resources.queues.nppes;
    prefix =
      queue.url.slice(queue.url.lastIndexOf('/') + 1).split('-verify')[0] ?? '';
  });

  afterAll(async () => {
    await harness.close();
  });

  it('lists each DLQ message with its receives and failure reason', async () => {
    const broken = await failIntoDeadLetters(brokenBody());
    const unknown = await failIntoDeadLetters(unknownCheckBody());

    const result = await dlq(['list', 'nppes', '--json']);

    const entries = JSON.parse(result.stdout) as {
      message_id: string;
      receive_count: number;
      first_received_at: string;
      failed_attempts: number;
      failure: { error: string; message: string; handler: string } | null;
    }[];
    const byId = new Map(entries.map((entry) => [entry.message_id, entry]));
    expect(result.code).toBe(0);
    expect(byId.get(broken)).toMatchObject({
      failed_attempts: MAX_RECEIVES,
      failure: {
        // Parsed by Powertools (ParsingError) or by our own parser.
        error: expect.stringMatching(/^(ContractError|ParsingError)$/),
        message: expect.stringContaining('checkId'),
        handler: 'nppes-adapter',
      },
    });
    expect(byId.get(unknown)?.failure).toMatchObject({
      error: 'NotFoundError',
      message: 'No check with this id',
    });
    expect(byId.get(unknown)?.receive_count).toBeGreaterThan(MAX_RECEIVES);
    expect(
      Date.parse(byId.get(unknown)?.first_received_at ?? ''),
    ).not.toBeNaN();
  });

  it('leaves the listed messages in the DLQ', async () => {
    const before = await queueDepth(harness.clients.sqs, queue.dlqUrl);

    await dlq(['list', 'nppes']);

    expect(await queueDepth(harness.clients.sqs, queue.dlqUrl)).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('moves every DLQ message back once and none on a second run', async () => {
    const waiting = await queueDepth(harness.clients.sqs, queue.dlqUrl);

    const first = await dlq(['redrive', 'nppes']);
    const second = await dlq(['redrive', 'nppes']);

    const back = await receiveMessages(harness.clients.sqs, queue.url);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Moved ${waiting} message(s)`);
    expect(second.stdout).toContain('Moved 0 message(s)');
    expect(back).toHaveLength(waiting);
    expect(
      back.every((m) => m.MessageAttributes?.rovn_redriven_from !== undefined),
    ).toBe(true);
    expect(await queueDepth(harness.clients.sqs, queue.dlqUrl)).toBe(0);
  });

  it('deletes without resending a message an earlier redrive sent back', async () => {
    const id = await failIntoDeadLetters(brokenBody());
    await harness.store.db
      .insertInto('message_redrives')
      .values({
        message_id: id,
        dead_letter_queue: 'earlier-dlq',
        target_queue: 'earlier-queue',
        new_message_id: 'earlier-copy',
        redriven_at: new Date(),
      })
      .execute();
    const queued = await queueDepth(harness.clients.sqs, queue.url);

    const result = await dlq(['redrive', 'nppes']);

    expect(result.stdout).toContain('Moved 0 message(s)');
    expect(result.stdout).toContain('deleted 1 already sent back');
    expect(await queueDepth(harness.clients.sqs, queue.url)).toBe(queued);
    expect(await queueDepth(harness.clients.sqs, queue.dlqUrl)).toBe(0);
  });

  it('names the missing queue when the prefix has no topology', async () => {
    const { out, io } = captureIo();

    const code = await runDlqCommand(
      [
        'list',
        'nppes',
        '--endpoint',
        motoEndpoint(),
        '--prefix',
        'nothing-here',
      ],
      io,
      { db: null, env: {} },
    );

    expect(code).toBe(1);
    expect(out.stderr).toContain(
      'nothing-here-verify-nppes-dlq does not exist',
    );
  });

  it('refuses a region other than the home region', async () => {
    const result = await dlq(['list', 'nppes'], { AWS_REGION: 'eu-west-1' });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Region eu-west-1 refused');
  });

  it('asks for the stage when aimed at AWS', async () => {
    const { out, io } = captureIo();

    const code = await runDlqCommand(['list', 'nppes'], io, {
      db: null,
      env: {},
    });

    expect(code).toBe(2);
    expect(out.stderr).toContain('--stage');
  });

  it('prints its usage for --help', async () => {
    const { out, io } = captureIo();

    const code = await runDlqCommand(['--help'], io, { db: null, env: {} });

    expect(code).toBe(0);
    expect(out.stdout).toContain('dlq redrive <source>');
  });
});
