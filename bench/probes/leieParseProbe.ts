/**
 * Probe: a plain csv-parse of an LEIE file, the reference for the load
 * time. Arguments: the file, the iterations. Prints one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { median } from '../stats';

const [file = '', iterations = '5'] = process.argv.slice(2);
const bytes = await readFile(file);

const times: number[] = [];
let rows = 0;
for (let i = 0; i < Number(iterations); i += 1) {
  const started = performance.now();
  const records: string[][] = parse(bytes);
  times.push(performance.now() - started);
  rows = records.length - 1;
}

process.stdout.write(
  `${JSON.stringify({
    rows,
    parse_ms: median(times),
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
