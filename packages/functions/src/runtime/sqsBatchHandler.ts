import {
  BatchProcessor,
  EventType,
  processPartialResponse,
} from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import {
  describeFailure,
  type Log,
  type MessageFailure,
  recordMessageFailures,
} from '@rovn/core';
import type {
  Context,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import type * as z from 'zod';
import { createLogger, createTracer } from './observability';
import { parseRecordBody } from './parseRecordBody';
import { toLog } from './toLog';
import type {
  AwsClientName,
  BaseDeps,
  DepsProvider,
  WorkerDeps,
} from './workerDeps';

interface SqsHandlerOptions<T, C extends AwsClientName> {
  name: string;
  /** The message body's contract; a body that fails it is a failed record. */
  schema: z.ZodType<T>;
  deps: DepsProvider<C>;
  process: (message: T, deps: WorkerDeps<C>, log: Log) => Promise<unknown>;
  logger?: Logger;
  tracer?: Tracer;
}

/**
 * An SQS-driven handler: middy with Powertools logger and tracer, each
 * record parsed against its contract and processed on its own, and the
 * failures reported back as a partial batch response, so one poison
 * message is retried (and ends in the DLQ) without holding back the rest.
 */
const sqsBatchHandler = <T, C extends AwsClientName>(
  options: SqsHandlerOptions<T, C>,
) => {
  const logger = options.logger ?? createLogger(options.name);
  const tracer = options.tracer ?? createTracer(options.name);

  const handle = async (
    event: SQSEvent,
    context: Context,
  ): Promise<SQSBatchResponse> => {
    const deps = await options.deps();
    // One processor per invocation: it holds the batch's records and
    // failures, and the local poller runs batches of one handler at once.
    // Bodies are parsed here, not by Powertools' batch parser: that one
    // builds and compiles a new zod schema for every record, about 1 ms
    // each (bench/warmOverhead.ts).
    const processor = new BatchProcessor(EventType.SQS);

    const response = await processPartialResponse(
      event,
      async (record: SQSRecord) => {
        const log = toLog(logger, { message_id: record.messageId });
        try {
          const message = parseRecordBody(options.schema, record);
          await options.process(message, deps, log);
        } catch (error) {
          log.error('Message failed; it will be retried', { error });
          throw error;
        }
      },
      processor,
      { context, throwOnFullBatchFailure: false },
    );
    await recordFailures(deps, processor, options.name, logger);

    return response;
  };

  return middy(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
};

/** Queue name from a record's `eventSourceARN` (its last segment). */
const queueOf = (record: SQSRecord): string =>
  record.eventSourceARN.slice(record.eventSourceARN.lastIndexOf(':') + 1);

/**
 * Stores why each record failed (parse or processing), since SQS keeps no
 * reason: `rovn dlq list` shows it next to the DLQ message. Best effort: a
 * store outage is logged and must not turn into a failed batch.
 */
const recordFailures = async (
  deps: Pick<BaseDeps, 'db' | 'clock'>,
  processor: BatchProcessor,
  handler: string,
  logger: Logger,
): Promise<void> => {
  const failedAt = deps.clock();
  const failures = processor.failureMessages.map(
    (record, index): MessageFailure => {
      const sqsRecord = record as SQSRecord;
      const { name, message } = describeFailure(processor.errors[index]);

      return {
        messageId: sqsRecord.messageId,
        queue: queueOf(sqsRecord),
        handler,
        errorName: name,
        errorMessage: message,
        failedAt,
      };
    },
  );
  try {
    await recordMessageFailures(deps.db, failures);
  } catch (error) {
    logger.warn('Could not record message failures', {
      error,
      failures: failures.length,
    });
  }
};

export type { SqsHandlerOptions };
export { sqsBatchHandler };
