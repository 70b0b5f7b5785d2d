import { runProbe } from './runProbe';
import { round } from './stats';

/** What the warm-overhead probe reports. */
interface WarmProbeResult {
  with_stack_ms: number;
  bare_ms: number;
  batches: number;
  processed: number;
  tracing: boolean;
}

/** Per-batch times with and without the middleware stack. */
interface WarmOverhead extends WarmProbeResult {
  overhead_ms_per_batch: number;
  /** The same measurement with the tracer switched off. */
  untraced: WarmProbeResult & { overhead_ms_per_batch: number };
}

/**
 * A Lambda-like environment, so the tracer is on as in production: the
 * X-Ray SDK builds the facade segment from the trace header and sends
 * closed subsegments over UDP to the daemon address (nothing listens
 * there; sending does not wait for an answer). Logs go nowhere: the no-op
 * writes none, and the stack itself logs nothing on success.
 */
const LAMBDA_ENV: Record<string, string> = {
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_NAME: 'bench-warm',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_REGION: 'us-east-2',
  LAMBDA_TASK_ROOT: '/var/task',
  _X_AMZN_TRACE_ID:
    'Root=1-67e4a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
  AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
  POWERTOOLS_SERVICE_NAME: 'rovn-passport-workers',
  POWERTOOLS_DEV: 'false',
};

/** Rounds the times and takes the stack's overhead. */
const summarise = (result: WarmProbeResult) => ({
  ...result,
  with_stack_ms: round(result.with_stack_ms, 4),
  bare_ms: round(result.bare_ms, 4),
  overhead_ms_per_batch: round(result.with_stack_ms - result.bare_ms, 4),
});

/**
 * Warm overhead, as issue 8 defines it: the per-invocation cost of the
 * middleware stack on an SQS batch of ten, as the median per-batch time
 * over rounds of many batches, minus the same no-op handler without it.
 * Measured with the tracer on, as deployed, and again with it off.
 *
 * @param rounds - measured rounds (default 20)
 * @param batchesPerRound - batches timed together in a round (default 200)
 */
const runWarmOverhead = async (
  rounds = 20,
  batchesPerRound = 200,
): Promise<WarmOverhead> => {
  const args = [String(rounds), String(batchesPerRound)];
  const traced = await runProbe<WarmProbeResult>(
    'warmOverheadProbe',
    args,
    LAMBDA_ENV,
  );
  const untraced = await runProbe<WarmProbeResult>('warmOverheadProbe', args, {
    ...LAMBDA_ENV,
    POWERTOOLS_TRACE_ENABLED: 'false',
  });

  return { ...summarise(traced), untraced: summarise(untraced) };
};

export type { WarmOverhead };
export { runWarmOverhead };
