import {
  BatchProcessor,
  EventType,
  processPartialResponse,
} from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Log } from '@rovn/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { z } from 'zod';
import { createLogger, createTracer } from './observability';
import { toLog } from './toLog';
import type { DepsProvider, WorkerDeps } from './workerDeps';

interface SqsHandlerOptions<T> {
  name: string;
  /** The message body's contract; a body that fails it is a failed record. */
  schema: z.ZodType<T>;
  deps: DepsProvider;
  process: (message: T, deps: WorkerDeps, log: Log) => Promise<unknown>;
  logger?: Logger;
  tracer?: Tracer;
}

/**
 * An SQS-driven handler: middy with Powertools logger and tracer, each
 * record parsed against its contract and processed on its own, and the
 * failures reported back as a partial batch response, so one poison
 * message is retried (and ends in the DLQ) without holding back the rest.
 */
const sqsBatchHandler = <T>(options: SqsHandlerOptions<T>) => {
  const logger = options.logger ?? createLogger(options.name);
  const tracer = options.tracer ?? createTracer(options.name);
  const processor = new BatchProcessor(EventType.SQS, {
    parser,
    innerSchema: options.schema,
    transformer: 'json',
    logger,
  });

  const handle = async (
    event: SQSEvent,
    context: Context,
  ): Promise<SQSBatchResponse> => {
    const deps = await options.deps();

    return processPartialResponse(
      event,
      async (record: { messageId: string; body: T }) => {
        const log = logger.createChild({
          persistentKeys: { message_id: record.messageId },
        });
        try {
          await options.process(record.body, deps, toLog(log));
        } catch (error) {
          log.error('Message failed; it will be retried', { error });
          throw error;
        }
      },
      processor,
      { context, throwOnFullBatchFailure: false },
    );
  };

  return middy(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
};

export type { SqsHandlerOptions };
export { sqsBatchHandler };
