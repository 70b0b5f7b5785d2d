import { describe, expect, it } from 'vitest';
import { createLambdaContext } from '../../../packages/local/src/poller/createLambdaContext';

describe('createLambdaContext', () => {
  it('counts the remaining time down from the timeout, never below zero', () => {
    let now = 1_000;
    const context = createLambdaContext({
      functionName: 'nppes-adapter',
      timeoutMs: 30_000,
      now: () => now,
    });

    const atStart = context.getRemainingTimeInMillis();
    now += 10_000;
    const later = context.getRemainingTimeInMillis();
    now += 60_000;
    const past = context.getRemainingTimeInMillis();

    expect([atStart, later, past]).toEqual([30_000, 20_000, 0]);
  });

  it('gives every invocation its own request id', () => {
    const spec = { functionName: 'notifier', timeoutMs: 1_000 };

    const first = createLambdaContext(spec);
    const second = createLambdaContext(spec);

    expect(first.awsRequestId).not.toBe(second.awsRequestId);
    expect(first.invokedFunctionArn).toBe(
      'arn:aws:lambda:us-east-2:123456789012:function:notifier',
    );
  });
});
