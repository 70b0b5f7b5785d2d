/**
 * `pnpm bench`: runs the benchmarks of issue 8, prints a table per
 * benchmark and writes bench/results.json. Name benchmarks to run only
 * those (`tsx bench/run.ts leie warm`); the file keeps the sections of
 * earlier runs that were not rerun.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { SOURCE_IDS } from '@rovn/core';
import { type BenchResults, readResults, writeResults } from './benchResults';
import { formatTable, verdict } from './formatTable';

const BENCHMARKS = ['cold', 'warm', 'pipeline', 'leie'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const RESULTS = join(import.meta.dirname, 'results.json');
const MB = 1024 * 1024;

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const ms = (value: number): string => value.toFixed(1);

const runCold = async (results: BenchResults): Promise<void> => {
  const { runColdStart } = await import('./coldStart');
  print('Cold start: bundle, then median import over 20 fresh processes');
  const measured = await runColdStart();
  results.cold_start = measured.map((m) => ({
    function: m.function,
    bundle_bytes: m.bundle_bytes,
    init_ms_median: m.init_ms_median,
    baseline_ms_median: m.baseline_ms_median,
    ratio: m.ratio,
  }));
  print(
    formatTable(
      [
        'function',
        'bundle',
        'init ms',
        'baseline ms',
        'ratio',
        'cpu ms',
        'baseline cpu',
        'cpu ratio',
        'goal',
      ],
      measured.map((m) => [
        m.function,
        `${(m.bundle_bytes / MB).toFixed(2)} MB`,
        ms(m.init_ms_median),
        ms(m.baseline_ms_median),
        m.ratio.toFixed(2),
        ms(m.init_cpu_ms_median),
        ms(m.baseline_cpu_ms_median),
        m.cpu_ratio.toFixed(2),
        verdict(m.ratio <= 1.3 && m.bundle_bytes < MB),
      ]),
    ),
  );
  print(
    'goal: ratio (wall time, as issue 8 defines it) at most 1.30 and bundle under 1 MB; cpu ratio is steadier on a busy machine',
  );
  for (const m of measured) {
    print(
      `${m.function}: baseline ${m.aws_clients.join(', ')} (${(m.baseline_bytes / MB).toFixed(2)} MB); largest parts ${m.largest_inputs
        .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)} KB`)
        .join(', ')}`,
    );
  }
};

const runWarm = async (results: BenchResults): Promise<void> => {
  const { runWarmOverhead } = await import('./warmOverhead');
  print('Warm overhead: SQS batch of 10, no-op processing, per batch');
  const warm = await runWarmOverhead();
  results.warm_overhead_ms_per_batch = warm.overhead_ms_per_batch;
  print(
    formatTable(
      ['tracer', 'with stack ms', 'bare ms', 'overhead ms', 'goal'],
      [
        [
          `on (${warm.tracing ? 'X-Ray SDK active' : 'inactive'})`,
          warm.with_stack_ms.toFixed(3),
          warm.bare_ms.toFixed(3),
          warm.overhead_ms_per_batch.toFixed(3),
          verdict(warm.overhead_ms_per_batch < 1),
        ],
        [
          'off',
          warm.untraced.with_stack_ms.toFixed(3),
          warm.untraced.bare_ms.toFixed(3),
          warm.untraced.overhead_ms_per_batch.toFixed(3),
          verdict(warm.untraced.overhead_ms_per_batch < 1),
        ],
      ],
    ),
  );
  print(`${warm.batches} batches per side, median of rounds`);
};

const runPipelineBench = async (results: BenchResults): Promise<void> => {
  const { runPipeline } = await import('./pipeline');
  // The demo roster gives every worker one check per source. On a loaded
  // machine moto's PutEvents makes 2 000 checks take most of an hour per
  // side; BENCH_PIPELINE_CHECKS runs a smaller loop.
  const checks = Number(process.env.BENCH_PIPELINE_CHECKS ?? 2_000);
  const workers = Math.ceil(checks / SOURCE_IDS.length);
  print(
    `Pipeline: ${workers} workers (about ${checks} checks), the local loop`,
  );
  const pipeline = await runPipeline(workers, print);
  results.pipeline = {
    checks_per_s: pipeline.checks_per_s,
    baseline_per_s: pipeline.baseline_per_s,
    ratio: pipeline.ratio,
  };
  print(
    formatTable(
      ['run', 'checks', 'seconds', 'checks/s', 'goal'],
      [
        [
          `local loop (${pipeline.store})`,
          String(pipeline.checks),
          ms(pipeline.seconds),
          ms(pipeline.checks_per_s),
          verdict(pipeline.ratio >= 0.5),
        ],
        [
          'emulator baseline',
          String(pipeline.baseline.checks),
          ms(pipeline.baseline.seconds),
          ms(pipeline.baseline_per_s),
          '',
        ],
      ],
    ),
  );
  print(
    `ratio ${pipeline.ratio.toFixed(2)}; loop emails ${pipeline.emails}; baseline calls ${JSON.stringify(pipeline.baseline.calls)}`,
  );
};

const runLeieBench = async (results: BenchResults): Promise<void> => {
  const { runLeie } = await import('./leie');
  print('LEIE: 80 000-row list, 100 000 workers screened');
  const leie = await runLeie();
  const { file_bytes, workers, outcomes, candidates_per_worker, ...rest } =
    leie;
  const {
    parse_peak_rss_mb,
    parse_cpu_ms,
    load_cpu_ms,
    screen_cpu_ms,
    ...result
  } = rest;
  results.leie = result;
  print(
    formatTable(
      ['step', 'ms', 'CPU ms', 'peak RSS MB', 'goal'],
      [
        [
          'csv-parse alone',
          ms(leie.parse_ms),
          ms(parse_cpu_ms),
          ms(parse_peak_rss_mb),
          '',
        ],
        [
          `load + index (x${leie.load_ratio.toFixed(2)})`,
          ms(leie.load_ms),
          ms(load_cpu_ms),
          ms(leie.peak_rss_mb),
          verdict(leie.load_ratio <= 1.5),
        ],
        [
          `screen ${workers} workers`,
          ms(leie.screen_ms),
          ms(screen_cpu_ms),
          '',
          verdict(leie.screen_ms < 1_000),
        ],
      ],
    ),
  );
  print(
    `file ${(file_bytes / MB).toFixed(1)} MB, ${leie.rows} rows; ${candidates_per_worker} candidate rows per worker; outcomes ${JSON.stringify(outcomes)}`,
  );
};

const RUNNERS: Record<Benchmark, (r: BenchResults) => Promise<void>> = {
  cold: runCold,
  warm: runWarm,
  pipeline: runPipelineBench,
  leie: runLeieBench,
};

const main = async (): Promise<number> => {
  const asked = process.argv.slice(2);
  const unknown = asked.filter(
    (name) => !(BENCHMARKS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}\n`,
    );

    return 2;
  }
  const chosen = asked.length === 0 ? [...BENCHMARKS] : (asked as Benchmark[]);

  const results = await readResults(RESULTS);
  print(
    `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}) · ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
  );
  for (const name of chosen) {
    print();
    await RUNNERS[name](results);
    await writeResults(RESULTS, results);
  }
  print();
  print(`Results: ${RESULTS}`);

  return 0;
};

process.exitCode = await main();
