import { readFile, writeFile } from 'node:fs/promises';

/** One function's cold start next to its AWS SDK baseline. */
interface ColdStartResult {
  function: string;
  bundle_bytes: number;
  init_ms_median: number;
  baseline_ms_median: number;
  ratio: number;
}

/** Checks per second through the local loop and the emulator alone. */
interface PipelineResult {
  checks_per_s: number;
  baseline_per_s: number;
  ratio: number;
}

/** LEIE load and screening next to a plain CSV parse. */
interface LeieResult {
  rows: number;
  parse_ms: number;
  load_ms: number;
  load_ratio: number;
  screen_ms: number;
  peak_rss_mb: number;
}

/** The shape of `bench/results.json`, as issue 8 fixes it. */
interface BenchResults {
  cold_start: ColdStartResult[];
  warm_overhead_ms_per_batch: number | null;
  pipeline: PipelineResult | null;
  leie: LeieResult | null;
}

const EMPTY: BenchResults = {
  cold_start: [],
  warm_overhead_ms_per_batch: null,
  pipeline: null,
  leie: null,
};

/**
 * Reads the results of earlier runs, so running one benchmark alone keeps
 * the other sections; a missing or unreadable file starts empty.
 */
const readResults = async (path: string): Promise<BenchResults> => {
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as unknown;

    return typeof stored === 'object' && stored !== null
      ? { ...EMPTY, ...(stored as Partial<BenchResults>) }
      : { ...EMPTY };
  } catch {
    return { ...EMPTY };
  }
};

/** Writes the results file, keys in the order the issue lists them. */
const writeResults = async (
  path: string,
  results: BenchResults,
): Promise<void> => {
  const ordered: BenchResults = {
    cold_start: results.cold_start,
    warm_overhead_ms_per_batch: results.warm_overhead_ms_per_batch,
    pipeline: results.pipeline,
    leie: results.leie,
  };
  await writeFile(path, `${JSON.stringify(ordered, null, 2)}\n`);
};

export type { BenchResults, ColdStartResult, LeieResult, PipelineResult };
export { readResults, writeResults };
