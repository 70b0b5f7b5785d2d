/**
 * Probe: a plain csv-parse of an LEIE file, the reference for the load
 * time. Arguments: the file, the iterations. Prints one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { median } from '../stats';

const [file = '', iterations = '5'] = process.argv.slice(2);
const bytes = await readFile(file);

// CPU time next to wall time: on a shared machine, wall time also counts
// the time other processes held the CPU.
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();

  return (user + system) / 1000;
};

const times: number[] = [];
const cpuTimes: number[] = [];
let rows = 0;
for (let i = 0; i < Number(iterations); i += 1) {
  const started = performance.now();
  const cpuStarted = cpuMs();
  const records: string[][] = parse(bytes);
  cpuTimes.push(cpuMs() - cpuStarted);
  times.push(performance.now() - started);
  rows = records.length - 1;
}

process.stdout.write(
  `${JSON.stringify({
    rows,
    parse_ms: median(times),
    parse_cpu_ms: median(cpuTimes),
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
