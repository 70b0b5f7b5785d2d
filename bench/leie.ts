import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeieResult } from './benchResults';
import { makeBenchLeieCsv } from './leieWorld';
import { runProbe } from './runProbe';
import { round } from './stats';

/** The LEIE numbers, with the details the table prints. */
interface LeieMeasurement extends LeieResult {
  file_bytes: number;
  workers: number;
  outcomes: Record<string, number>;
  candidates_per_worker: number;
  parse_peak_rss_mb: number;
  /** CPU time (user + system) of the same steps: steadier on a busy machine. */
  parse_cpu_ms: number;
  load_cpu_ms: number;
  screen_cpu_ms: number;
}

/**
 * LEIE, as issue 8 defines it: an 80 000-row file in the real format,
 * loaded and indexed as screening does, and 100 000 workers screened
 * against it; next to a plain csv-parse of the same bytes. Each side runs
 * in its own process, so each peak RSS is its own. Times are medians.
 *
 * @param rows - rows in the file (default 80 000)
 * @param workers - workers screened (default 100 000)
 * @param iterations - repetitions of each timed step (default 5)
 */
const runLeie = async (
  rows = 80_000,
  workers = 100_000,
  iterations = 5,
): Promise<LeieMeasurement> => {
  const dir = await mkdtemp(join(tmpdir(), 'rovn-bench-leie-'));
  try {
    const file = join(dir, 'UPDATED.csv');
    const csv = makeBenchLeieCsv(rows);
    await writeFile(file, csv);

    const parsed = await runProbe<{
      rows: number;
      parse_ms: number;
      parse_cpu_ms: number;
      peak_rss_mb: number;
    }>('leieParseProbe', [file, String(iterations)]);
    const loaded = await runProbe<{
      rows: number;
      load_ms: number;
      load_cpu_ms: number;
      screen_ms: number;
      screen_cpu_ms: number;
      workers: number;
      outcomes: Record<string, number>;
      candidates_per_worker: number;
      peak_rss_mb: number;
    }>('leieLoadProbe', [file, String(workers), String(iterations)]);

    return {
      rows: loaded.rows,
      parse_ms: round(parsed.parse_ms, 1),
      load_ms: round(loaded.load_ms, 1),
      load_ratio: round(loaded.load_ms / parsed.parse_ms),
      screen_ms: round(loaded.screen_ms, 1),
      peak_rss_mb: round(loaded.peak_rss_mb, 1),
      file_bytes: Buffer.byteLength(csv),
      workers: loaded.workers,
      outcomes: loaded.outcomes,
      candidates_per_worker: round(loaded.candidates_per_worker, 1),
      parse_peak_rss_mb: round(parsed.peak_rss_mb, 1),
      parse_cpu_ms: round(parsed.parse_cpu_ms, 1),
      load_cpu_ms: round(loaded.load_cpu_ms, 1),
      screen_cpu_ms: round(loaded.screen_cpu_ms, 1),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export type { LeieMeasurement };
export { runLeie };
