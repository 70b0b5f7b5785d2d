import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Log } from '@rovn/core';
import type { Context } from 'aws-lambda';
import { createLogger, createTracer } from '../runtime/observability';
import { toLog } from '../runtime/toLog';
import type {
  AwsClientName,
  DepsProvider,
  WorkerDeps,
} from '../runtime/workerDeps';

interface ScheduledOptions<R, C extends AwsClientName> {
  name: string;
  deps: DepsProvider<C>;
  run: (deps: WorkerDeps<C>, log: Log, context: Context) => Promise<R>;
  logger?: Logger;
  tracer?: Tracer;
}

/**
 * A handler started by an EventBridge schedule. The event carries nothing
 * it needs; the report it returns is logged and returned for the record.
 */
const scheduledHandler = <R, C extends AwsClientName>(
  options: ScheduledOptions<R, C>,
) => {
  const logger = options.logger ?? createLogger(options.name);
  const tracer = options.tracer ?? createTracer(options.name);

  const handle = async (_event: unknown, context: Context): Promise<R> => {
    const deps = await options.deps();
    const report = await options.run(deps, toLog(logger), context);
    logger.info('Scheduled run finished', { report });

    return report;
  };

  return middy(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
};

export { scheduledHandler };
