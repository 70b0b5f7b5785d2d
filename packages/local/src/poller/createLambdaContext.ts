import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { HOME_REGION } from '../../../core/src/topology';

/** What {@link createLambdaContext} needs to know about the function. */
interface LambdaContextSpec {
  functionName: string;
  timeoutMs: number;
  memoryMb?: number;
  /** Clock in epoch milliseconds; injectable for tests. */
  now?: () => number;
}

// Account id moto uses for every resource it creates.
const LOCAL_ACCOUNT = '123456789012';

/**
 * A Lambda `Context` for one local invocation: a fresh request id and a
 * deadline `timeoutMs` from now. The deprecated callback helpers throw,
 * because the tier's handlers are async and must not use them.
 */
const createLambdaContext = (spec: LambdaContextSpec): Context => {
  const now = spec.now ?? Date.now;
  const deadline = now() + spec.timeoutMs;
  const unsupported = (): never => {
    throw new Error(
      `${spec.functionName}: context.done/fail/succeed are not supported locally; return or throw instead`,
    );
  };

  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: spec.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${HOME_REGION}:${LOCAL_ACCOUNT}:function:${spec.functionName}`,
    memoryLimitInMB: String(spec.memoryMb ?? 512),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${spec.functionName}`,
    logStreamName: `local/${spec.functionName}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

export type { LambdaContextSpec };
export { createLambdaContext };
