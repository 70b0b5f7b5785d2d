/**
 * The sweep under measurement, in a process of its own so its peak RSS is
 * the sweep's alone. Started by `sweepBench.ts` with its settings as JSON
 * in `SWEEP_BENCH`; prints one JSON line with what it did.
 */
import {
  openStore,
  type PublishOutcome,
  runSweep,
  silentLog,
  type VerificationRequested,
} from '@rovn/core';
import { createAwsClients } from '../packages/local/src/emulator/createAwsClients';

interface ChildSettings {
  url: string;
  /** moto's endpoint, or null to acknowledge every request unsent. */
  endpoint: string | null;
  topicArn: string;
  now: string;
  /** Sweep options under test; the sweep's defaults when left out. */
  pageSize?: number;
  publishConcurrency?: number;
}

const settings = JSON.parse(process.env.SWEEP_BENCH ?? '{}') as ChildSettings;
const store = await openStore({ kind: 'postgres', url: settings.url });
const clients = createAwsClients(settings.endpoint ?? 'http://127.0.0.1:9');
const unsent = async (
  requests: readonly VerificationRequested[],
): Promise<PublishOutcome> => ({
  published: requests.map((r) => r.requestId),
  failed: [],
});

const idleRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
const started = performance.now();
const report = await runSweep(
  {
    db: store.db,
    sns: clients.sns,
    topicArn: settings.topicArn,
    clock: () => new Date(settings.now),
    log: silentLog,
    remainingMs: () => Number.POSITIVE_INFINITY,
    ...(settings.endpoint === null ? { publish: unsent } : {}),
  },
  {
    ...(settings.pageSize ? { pageSize: settings.pageSize } : {}),
    ...(settings.publishConcurrency
      ? { publishConcurrency: settings.publishConcurrency }
      : {}),
  },
);
const sweepMs = performance.now() - started;

await store.close();
clients.destroy();
process.stdout.write(
  `${JSON.stringify({
    ...report,
    sweep_ms: Math.round(sweepMs),
    idle_rss_mb: idleRssMb,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
