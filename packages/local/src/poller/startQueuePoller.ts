import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type {
  Context,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import { type Log, silentLog } from '../../../core/src/log/logger';
import { createLambdaContext } from './createLambdaContext';
import type { DeliveryFaults } from './deliveryFaults';
import { type InvocationOutcome, settleBatch } from './settleBatch';
import { toSqsRecord } from './toSqsRecord';

// biome-ignore lint/suspicious/noConfusingVoidType: as in aws-lambda's SQSHandler
type HandlerResult = SQSBatchResponse | void;

/** An SQS-triggered Lambda handler, as the tier's handlers are written. */
type SqsBatchHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<HandlerResult>;

/** Options of {@link startQueuePoller}. */
interface QueuePollerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  /** Messages per invocation, 1-10 (SQS's receive limit). */
  batchSize: number;
  /** Batches in flight at once (Lambda's maximum concurrency). */
  maxConcurrency: number;
  handler: SqsBatchHandler;
  /** Function name: in the context, logs and errors. */
  name: string;
  log?: Log;
  /** The function's timeout (default 30 s); past it the batch failed. */
  timeoutSeconds?: number;
  memoryMb?: number;
  /** Long-poll wait of each receive (default 1 s). */
  waitTimeSeconds?: number;
  /**
   * Hands every batch to the handler twice, as at-least-once delivery may,
   * before settling it; the batch counts as failed where either run failed.
   * For tests that duplicates change nothing.
   */
  deliverTwice?: boolean;
  /**
   * Faults to apply (the chaos run): copies of each message, some out of
   * order, killed invocations, quick retries. Replaces `deliverTwice`.
   */
  faults?: DeliveryFaults;
}

/** Counters since the poller started. */
interface QueuePollerStats {
  batches: number;
  messages: number;
  /** Messages left on the queue: reported failures and failed batches. */
  failures: number;
  deleted: number;
  /** Invocations that threw or timed out. */
  handlerErrors: number;
  receiveErrors: number;
  /** Invocations killed by the faults (treated as crashed). */
  killed: number;
}

/** A running poller. */
interface QueuePoller {
  name: string;
  stats: Readonly<QueuePollerStats>;
  /** True when no batch is being handled. */
  isIdle(): boolean;
  /** Stops receiving; resolves after in-flight batches are settled. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 5_000;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

// Lambda stops waiting at the timeout; the handler's promise cannot be
// cancelled here, so it may still finish later, after its batch was
// counted as failed (its messages reappear and are handled again).
const invokeWithTimeout = async (
  handler: SqsBatchHandler,
  event: SQSEvent,
  context: Context,
  timeoutMs: number,
): Promise<InvocationOutcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<InvocationOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          kind: 'threw',
          error: new Error(`Task timed out after ${timeoutMs} ms`),
        }),
      timeoutMs,
    );
    timer.unref();
  });
  const ran = handler(event, context).then(
    (response): InvocationOutcome => ({
      kind: 'returned',
      response: response ?? undefined,
    }),
    (error: unknown): InvocationOutcome => ({ kind: 'threw', error }),
  );

  try {
    return await Promise.race([ran, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/** The outcome that fails more of the batch, failures of both combined. */
const worseOf = (
  a: InvocationOutcome,
  b: InvocationOutcome,
): InvocationOutcome => {
  if (a.kind === 'threw') return a;
  if (b.kind === 'threw') return b;

  return {
    kind: 'returned',
    response: {
      batchItemFailures: [
        ...(a.response?.batchItemFailures ?? []),
        ...(b.response?.batchItemFailures ?? []),
      ],
    },
  };
};

/**
 * Polls one queue and invokes a handler the way Lambda's SQS event source
 * mapping does (partial batch responses honoured), because moto's own
 * mappings need Docker and ignore partial batch responses.
 *
 * @example
 * const poller = startQueuePoller({
 *   sqs, queueUrl, queueArn, batchSize: 10, maxConcurrency: 5,
 *   name: 'nppes-adapter', handler,
 * });
 * await poller.stop();
 */
const startQueuePoller = (options: QueuePollerOptions): QueuePoller => {
  const { sqs, queueUrl, queueArn, name, handler } = options;
  const log = options.log ?? silentLog;
  const batchSize = Math.min(10, Math.max(1, options.batchSize));
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const stats: QueuePollerStats = {
    batches: 0,
    messages: 0,
    failures: 0,
    deleted: 0,
    handlerErrors: 0,
    receiveErrors: 0,
    killed: 0,
  };
  const stopping = new AbortController();
  const { faults } = options;
  let inFlight = 0;
  let invocations = 0;
  let received = 0;
  /** Copies waiting to be handed over (with faults only). */
  const pending: { record: SQSRecord; dueAt: number }[] = [];
  /** Receipt handles deleted already: copies share their message's handle. */
  const deletedHandles = new Set<string>();

  const receive = async (): Promise<Message[]> => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: batchSize,
        WaitTimeSeconds:
          pending.length > 0 ? 0 : (options.waitTimeSeconds ?? 1),
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );

    return Messages;
  };

  const remove = async (handled: readonly SQSRecord[]): Promise<void> => {
    const records = handled.filter((r) => !deletedHandles.has(r.receiptHandle));
    if (records.length === 0) return;
    const { Successful = [], Failed = [] } = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: records.map((r, index) => ({
          Id: String(index),
          ReceiptHandle: r.receiptHandle,
        })),
      }),
    );
    stats.deleted += Successful.length;
    for (const done of Successful) {
      const record = records[Number(done.Id)];
      if (record !== undefined) deletedHandles.add(record.receiptHandle);
    }
    if (Failed.length > 0) {
      log.warn('poller could not delete handled messages', {
        poller: name,
        failed: Failed.length,
        codes: Failed.map((f) => f.Code).join(','),
      });
    }
  };

  /**
   * Makes failed messages visible again after `seconds`, as a crashed
   * Lambda leaves them until their visibility runs out (faults only).
   */
  const hide = async (
    failed: readonly SQSRecord[],
    seconds: number,
  ): Promise<void> => {
    const records = failed.filter((r) => !deletedHandles.has(r.receiptHandle));
    if (records.length === 0) return;
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: records.map((r, index) => ({
          Id: String(index),
          ReceiptHandle: r.receiptHandle,
          VisibilityTimeout: seconds,
        })),
      }),
    );
  };

  const runBatch = async (records: SQSRecord[]): Promise<void> => {
    const invocation = ++invocations;
    const context = createLambdaContext({
      functionName: name,
      timeoutMs,
      ...(options.memoryMb === undefined ? {} : { memoryMb: options.memoryMb }),
    });
    stats.batches += 1;
    stats.messages += records.length;

    if (faults !== undefined) {
      const { value: outcome, killedAt } = await faults.invoke(invocation, () =>
        invokeWithTimeout(handler, { Records: records }, context, timeoutMs),
      );
      if (killedAt !== null) {
        const retryIn = faults.retryVisibilitySeconds(invocation);
        stats.killed += 1;
        stats.failures += records.length;
        log.warn('invocation killed; its messages stay on the queue', {
          poller: name,
          request_id: context.awsRequestId,
          killed_at: killedAt,
          visible_in_s: retryIn,
        });
        await hide(records, retryIn);
        return;
      }
      const settlement = settleBatch(records, outcome);
      if (outcome.kind === 'threw') {
        stats.handlerErrors += 1;
        log.error('handler failed; the batch stays on the queue', {
          poller: name,
          error_message:
            outcome.error instanceof Error ? outcome.error.message : '',
        });
      }
      if (settlement.invalidResponse !== undefined) {
        log.warn('invalid batch response; the batch stays on the queue', {
          poller: name,
          reason: settlement.invalidResponse,
        });
      }
      stats.failures += settlement.failedIds.length;
      await remove(settlement.toDelete);
      return;
    }

    const first = await invokeWithTimeout(
      handler,
      { Records: records },
      context,
      timeoutMs,
    );
    const outcome = options.deliverTwice
      ? worseOf(
          first,
          await invokeWithTimeout(
            handler,
            { Records: records },
            createLambdaContext({ functionName: name, timeoutMs }),
            timeoutMs,
          ),
        )
      : first;
    const settlement = settleBatch(records, outcome);

    if (outcome.kind === 'threw') {
      stats.handlerErrors += 1;
      const error =
        outcome.error instanceof Error ? outcome.error : new Error('non-Error');
      log.error('handler failed; the batch stays on the queue', {
        poller: name,
        request_id: context.awsRequestId,
        messages: records.length,
        error_name: error.name,
        error_message: error.message,
      });
    } else if (settlement.invalidResponse !== undefined) {
      log.warn('invalid batch response; the batch stays on the queue', {
        poller: name,
        request_id: context.awsRequestId,
        reason: settlement.invalidResponse,
      });
    }
    stats.failures += settlement.failedIds.length;
    await remove(settlement.toDelete);
  };

  /** Due copies, earliest first, at most one per message, up to a batch. */
  const takeDue = (): SQSRecord[] => {
    const now = Date.now();
    pending.sort((a, b) => a.dueAt - b.dueAt);
    const batch: SQSRecord[] = [];
    const ids = new Set<string>();
    let index = 0;
    while (index < pending.length && batch.length < batchSize) {
      const entry = pending[index];
      if (entry === undefined || entry.dueAt > now) break;
      if (ids.has(entry.record.messageId)) {
        index += 1;
        continue;
      }
      ids.add(entry.record.messageId);
      batch.push(entry.record);
      pending.splice(index, 1);
    }

    return batch;
  };

  /** Queues the copies of received messages that the faults call for. */
  const enqueueCopies = (messages: Message[], plan: DeliveryFaults): void => {
    const now = Date.now();
    for (const message of messages) {
      const record = toSqsRecord(message, queueArn);
      received += 1;
      for (const delayMs of plan.copies(received).delaysMs) {
        pending.push({ record, dueAt: now + delayMs });
      }
    }
  };

  const settleGuarded = async (records: SQSRecord[]): Promise<void> => {
    inFlight += 1;
    try {
      await runBatch(records);
    } catch (error) {
      // Settling failed (delete call, malformed message): the messages
      // stay and come back after the visibility timeout.
      log.error('poller could not settle a batch', {
        poller: name,
        error_name: error instanceof Error ? error.name : typeof error,
        error_message: error instanceof Error ? error.message : '',
      });
    } finally {
      inFlight -= 1;
    }
  };

  const work = async (): Promise<void> => {
    let backoffMs = 0;
    while (!stopping.signal.aborted) {
      if (faults !== undefined) {
        const due = takeDue();
        if (due.length > 0) {
          await settleGuarded(due);
          continue;
        }
        if (pending.length >= batchSize * 4) {
          await sleep(100, stopping.signal);
          continue;
        }
      }
      let messages: Message[];
      try {
        messages = await receive();
        backoffMs = 0;
      } catch (error) {
        stats.receiveErrors += 1;
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, backoffMs * 2));
        log.warn('poller could not receive; backing off', {
          poller: name,
          backoff_ms: backoffMs,
          error_name: error instanceof Error ? error.name : typeof error,
        });
        await sleep(backoffMs, stopping.signal);
        continue;
      }
      if (messages.length === 0) {
        if (pending.length > 0) await sleep(100, stopping.signal);
        continue;
      }
      if (faults !== undefined) {
        try {
          enqueueCopies(messages, faults);
        } catch (error) {
          log.error('poller could not read a received message', {
            poller: name,
            error_name: error instanceof Error ? error.name : typeof error,
          });
        }
        continue;
      }

      inFlight += 1;
      try {
        await runBatch(messages.map((m) => toSqsRecord(m, queueArn)));
      } catch (error) {
        // Settling failed (delete call, malformed message): the messages
        // stay and come back after the visibility timeout.
        log.error('poller could not settle a batch', {
          poller: name,
          error_name: error instanceof Error ? error.name : typeof error,
          error_message: error instanceof Error ? error.message : '',
        });
      } finally {
        inFlight -= 1;
      }
    }
  };

  const workers = Array.from(
    { length: Math.max(1, options.maxConcurrency) },
    () => work(),
  );
  log.debug('poller started', { poller: name, batch_size: batchSize });

  return {
    name,
    stats,
    isIdle: () => inFlight === 0 && pending.length === 0,
    stop: async () => {
      stopping.abort();
      await Promise.all(workers);
    },
  };
};

export type {
  QueuePoller,
  QueuePollerOptions,
  QueuePollerStats,
  SqsBatchHandler,
};
export { startQueuePoller };
