/**
 * Probe: per-batch cost of the SQS middleware stack (middy, Powertools
 * logger, tracer, batch processor with the zod parser) around a no-op
 * process function, next to the same no-op called on each record's
 * parsed body with none of it. Run by bench/warmOverhead.ts in a fresh
 * process whose environment makes Powertools believe it is in Lambda.
 * Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import type { WorkerDeps } from '@rovn/functions';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createLambdaContext } from '../../packages/local/src/poller/createLambdaContext';
import { median } from '../stats';

const BATCH = 10;
const ROUNDS = Number(process.argv[2] ?? 30);
const BATCHES_PER_ROUND = Number(process.argv[3] ?? 200);

const requestBody = (n: number): string =>
  JSON.stringify({
    type: 'verification.requested',
    requestId: randomUUID(),
    checkId: `chk-w-${String(n).padStart(5, '0')}-nppes`,
    source: 'nppes',
    workerId: `w-${String(n).padStart(5, '0')}`,
    credentialId: `w-${String(n).padStart(5, '0')}-nppes`,
    dueAt: '2026-12-01T00:00:00.000Z',
    requestedAt: '2026-12-01T00:00:05.000Z',
  });

const sqsRecord = (n: number): SQSRecord => ({
  messageId: randomUUID(),
  receiptHandle: `rh-${n}`,
  body: requestBody(n),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1764547205000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1764547205100',
  },
  messageAttributes: {
    source: {
      stringValue: 'nppes',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    },
  },
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:verify-nppes',
  awsRegion: 'us-east-2',
});

const event: SQSEvent = {
  Records: Array.from({ length: BATCH }, (_, i) => sqsRecord(i + 1)),
};
// The no-op never touches its dependencies, and a batch without failures
// records none; only the clock is read. The provider only has to resolve,
// as the production one does after the first invocation.
const deps = { clock: () => new Date() } as WorkerDeps;
const provider = async () => deps;
let processed = 0;
const noop = async (_message: unknown): Promise<void> => {
  processed += 1;
};

const { sqsBatchHandler } = await import(
  '../../packages/functions/src/runtime/sqsBatchHandler'
);
const { createTracer } = await import(
  '../../packages/functions/src/runtime/observability'
);
const { verificationRequestedSchema } = await import('@rovn/core');
const tracer = createTracer('bench-warm');
const withStack = sqsBatchHandler({
  name: 'bench-warm',
  tracer,
  schema: verificationRequestedSchema,
  deps: provider,
  process: (message) => noop(message),
});

/** The same work with nothing around it: parse each body, call, collect. */
const bare = async (input: SQSEvent): Promise<SQSBatchResponse> => {
  await provider();
  const failures: { itemIdentifier: string }[] = [];
  for (const record of input.Records) {
    try {
      await noop(JSON.parse(record.body));
    } catch {
      failures.push({ itemIdentifier: record.messageId });
    }
  }

  return { batchItemFailures: failures };
};

const context = () =>
  createLambdaContext({ functionName: 'bench-warm', timeoutMs: 30_000 });

const timeRound = async (
  handler: (e: SQSEvent) => Promise<unknown>,
): Promise<number> => {
  const started = performance.now();
  for (let i = 0; i < BATCHES_PER_ROUND; i += 1) {
    const response = (await handler(event)) as SQSBatchResponse | undefined;
    if ((response?.batchItemFailures.length ?? 0) > 0) {
      throw new Error('a record of the benchmark batch failed');
    }
  }

  return (performance.now() - started) / BATCHES_PER_ROUND;
};

const stacked = (e: SQSEvent) => withStack(e, context());
// Warm both paths (JIT, lazy Powertools set-up) before measuring.
await timeRound(stacked);
await timeRound(bare);

const withMs: number[] = [];
const bareMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  withMs.push(await timeRound(stacked));
  bareMs.push(await timeRound(bare));
}

process.stdout.write(
  `${JSON.stringify({
    with_stack_ms: median(withMs),
    bare_ms: median(bareMs),
    batches: ROUNDS * BATCHES_PER_ROUND,
    processed,
    tracing: tracer.isTracingEnabled(),
  })}\n`,
);
