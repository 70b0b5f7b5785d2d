import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTIFIABLE_OUTCOMES, SOURCE_IDS, type SourceId } from '@rovn/core';
import { runLocal } from '../packages/local/src/run/runLocal';
import type { PipelineResult } from './benchResults';
import { type BaselineResult, runEmulatorBaseline } from './emulatorBaseline';
import { BenchError } from './errors';
import { round } from './stats';

/** Both sides of the pipeline benchmark, with what was counted. */
interface PipelineMeasurement extends PipelineResult {
  checks: number;
  seconds: number;
  store: string;
  emails: number;
  baseline: BaselineResult;
}

// runLocal prints these lines right before the sweep fires and once the
// queues are drained; their arrival times bound the measured window.
const STARTS = /^Fired schedule leie-refresh/;
const ENDS = /^All queues drained/;

/**
 * Pipeline throughput, as issue 8 defines it: checks through the whole
 * local loop (sweep, fan-out, adapters against the simulator, receipts,
 * results, events, notifier) per second, timed from the sweep to drained
 * queues, next to the emulator doing only the same AWS calls.
 *
 * @param workers - made-up workers; each has a check per source
 * @param print - progress lines
 */
const runPipeline = async (
  workers: number,
  print: (line: string) => void = () => undefined,
): Promise<PipelineMeasurement> => {
  const outDir = await mkdtemp(join(tmpdir(), 'rovn-bench-pipeline-'));
  const marks: { start?: number; end?: number } = {};
  const databaseUrl = process.env.DATABASE_URL;
  try {
    const summary = await runLocal({
      outDir,
      workers,
      reuse: false,
      // Not a timed test: moto's PutEvents (about a second per event on a
      // loaded machine) decides how long draining takes.
      drainTimeoutMs: 60 * 60_000,
      // With the default 5 s limit a loaded machine turned nearly every
      // NPPES answer into a timeout (48 of 50 source_unavailable), and the
      // loop measured retries instead of checks. BENCH_NPPES_TIMEOUT_MS
      // raises it; the simulator's deliberately slow answers take twice it.
      ...(process.env.BENCH_NPPES_TIMEOUT_MS
        ? { nppesTimeoutMs: Number(process.env.BENCH_NPPES_TIMEOUT_MS) }
        : {}),
      ...(databaseUrl ? { databaseUrl } : {}),
      print: (line) => {
        if (STARTS.test(line)) marks.start = performance.now();
        if (ENDS.test(line)) marks.end = performance.now();
        print(`  ${line}`);
      },
    });
    if (marks.start === undefined || marks.end === undefined) {
      throw new BenchError(
        'The local run printed no start or end line to time; check runLocal',
      );
    }

    const checksBySource = {} as Record<SourceId, number>;
    let notifiable = 0;
    for (const source of SOURCE_IDS) {
      const counts = summary.results_by_source_and_outcome[source] ?? {};
      checksBySource[source] = Object.values(counts).reduce((a, b) => a + b, 0);
      for (const outcome of NOTIFIABLE_OUTCOMES) {
        notifiable += counts[outcome] ?? 0;
      }
    }
    const checks = Object.values(checksBySource).reduce((a, b) => a + b, 0);
    const seconds = (marks.end - marks.start) / 1000;

    print('  emulator baseline: the same AWS calls, no logic');
    const baseline = await runEmulatorBaseline({
      checksBySource,
      notifiable,
      emailsPerNotice: Math.max(
        1,
        Math.round(summary.emails_sent / Math.max(1, notifiable)),
      ),
    });
    const perS = checks / seconds;

    return {
      checks_per_s: round(perS, 1),
      baseline_per_s: round(baseline.per_s, 1),
      ratio: round(perS / baseline.per_s),
      checks,
      seconds: round(seconds, 1),
      store: summary.store,
      emails: summary.emails_sent,
      baseline: {
        ...baseline,
        seconds: round(baseline.seconds, 1),
        per_s: round(baseline.per_s, 1),
      },
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};

export type { PipelineMeasurement };
export { runPipeline };
