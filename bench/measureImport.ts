import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchError } from './errors';

/**
 * The script each fresh process runs: the time from just before the
 * bundle's import to just after it, i.e. module evaluation including the
 * handler's construction (the entry files build their handlers at import);
 * as wall time, and as the CPU time the process spent meanwhile.
 */
const PROBE = `const started = performance.now();
const cpu = process.cpuUsage();
const loaded = await import(process.argv[2]).catch((error) => {
  process.stderr.write(String(error?.stack ?? error).slice(0, 1500));
  process.exit(1);
});
const elapsed = performance.now() - started;
const spent = process.cpuUsage(cpu);
if (Object.keys(loaded).length === 0) throw new Error('bundle exports nothing');
process.stdout.write(JSON.stringify([elapsed, (spent.user + spent.system) / 1000]));
`;

/**
 * One import: wall time, and CPU time (user plus system). On a busy
 * machine the wall time grows with the wait for a core; the CPU time
 * mostly does not, so it compares runs taken under different loads.
 */
interface ImportTiming {
  wallMs: number;
  cpuMs: number;
}

/** The probe's output as timings, or undefined when it is not that. */
const parseTiming = (out: string): ImportTiming | undefined => {
  try {
    const [wallMs, cpuMs] = JSON.parse(out) as unknown[];
    return typeof wallMs === 'number' && typeof cpuMs === 'number'
      ? { wallMs, cpuMs }
      : undefined;
  } catch {
    return undefined;
  }
};

/** Writes the probe script into `dir` and returns its path. */
const writeProbe = async (dir: string): Promise<string> => {
  const path = join(dir, 'probe.mjs');
  await writeFile(path, PROBE);

  return path;
};

/**
 * Imports a bundle in a fresh Node process (this process's Node binary)
 * and returns the milliseconds the import took, in wall and CPU time.
 *
 * @param probe - from {@link writeProbe}
 * @param bundle - the `.mjs` file to import
 * @param env - the whole environment the process gets
 */
const measureImport = (
  probe: string,
  bundle: string,
  env: Record<string, string>,
): Promise<ImportTiming> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [probe, pathToFileURL(bundle).href], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const timing = parseTiming(out);
      if (code === 0 && timing !== undefined) {
        resolve(timing);
      } else {
        reject(
          new BenchError(
            `Importing ${bundle} failed (exit ${code}): ${err.slice(-1500)}`,
            { context: { bundle, exit_code: code ?? -1 } },
          ),
        );
      }
    });
  });

export type { ImportTiming };
export { measureImport, writeProbe };
