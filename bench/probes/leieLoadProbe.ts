/**
 * Probe: loads and indexes an LEIE file as screening does (core's
 * `parseLeieCsv`, then `buildLeieIndex`), then screens made-up workers
 * against it. Arguments: the file, the workers, the iterations. Prints
 * one JSON line; its peak RSS covers the whole process.
 */
import { readFile } from 'node:fs/promises';
import {
  buildLeieIndex,
  type Classification,
  givenInitial,
  type LeieIndex,
  normalizeName,
  parseLeieCsv,
  screenSubject,
} from '@rovn/core';
import { listedNpisOf, makeBenchWorkers } from '../leieWorld';
import { median } from '../stats';

const [file = '', workerCount = '100000', iterations = '5'] =
  process.argv.slice(2);
const bytes = await readFile(file);
const workers = makeBenchWorkers(
  Number(workerCount),
  listedNpisOf(bytes.toString('utf8'), 2_000),
);
const options = { listDate: '2026-11-10', today: '2026-12-03' };

// CPU time next to wall time: on a shared machine, wall time also counts
// the time other processes held the CPU.
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();

  return (user + system) / 1000;
};

const loadTimes: number[] = [];
const loadCpuTimes: number[] = [];
let index: LeieIndex | undefined;
for (let i = 0; i < Number(iterations); i += 1) {
  const started = performance.now();
  const cpuStarted = cpuMs();
  index = buildLeieIndex(parseLeieCsv(bytes));
  loadCpuTimes.push(cpuMs() - cpuStarted);
  loadTimes.push(performance.now() - started);
}
if (index === undefined) throw new Error('no iterations');

// Screening repeats like loading, but stops once it has taken a minute:
// a slow screen is then measured once or twice, not five times.
const SCREEN_BUDGET_MS = 60_000;
const screenTimes: number[] = [];
const screenCpuTimes: number[] = [];
const outcomes: Record<string, number> = {};
for (
  let i = 0;
  i < Number(iterations) &&
  screenTimes.reduce((a, b) => a + b, 0) < SCREEN_BUDGET_MS;
  i += 1
) {
  const started = performance.now();
  const cpuStarted = cpuMs();
  const results: Classification[] = workers.map((worker) =>
    screenSubject(worker, index, options),
  );
  screenCpuTimes.push(cpuMs() - cpuStarted);
  screenTimes.push(performance.now() - started);
  if (i === 0) {
    for (const result of results) {
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    }
  }
}

// Rows screening compares a worker with: under each of the worker's
// family-name keys, the rows whose given name has the worker's initial or
// is absent. Their number drives the screening time.
let candidates = 0;
for (const worker of workers) {
  const name = normalizeName(worker);
  const initial = givenInitial(name);
  for (const key of name.familyKeys) {
    const bucket = index.byFamilyKey.get(key);
    if (bucket === undefined) continue;
    candidates +=
      initial === null
        ? bucket.all.length
        : (bucket.byInitial.get(initial)?.length ?? 0) + bucket.noGiven.length;
  }
}

process.stdout.write(
  `${JSON.stringify({
    candidates_per_worker: candidates / workers.length,
    rows: index.rowCount,
    load_ms: median(loadTimes),
    load_cpu_ms: median(loadCpuTimes),
    screen_ms: median(screenTimes),
    screen_cpu_ms: median(screenCpuTimes),
    screen_runs: screenTimes.length,
    workers: workers.length,
    outcomes,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
