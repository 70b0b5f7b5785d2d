import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchError } from './errors';

/**
 * The script each fresh process runs: the time from just before the
 * bundle's import to just after it, i.e. module evaluation including the
 * handler's construction (the entry files build their handlers at import).
 */
const PROBE = `const started = performance.now();
const loaded = await import(process.argv[2]).catch((error) => {
  process.stderr.write(String(error?.stack ?? error).slice(0, 1500));
  process.exit(1);
});
const elapsed = performance.now() - started;
if (Object.keys(loaded).length === 0) throw new Error('bundle exports nothing');
process.stdout.write(String(elapsed));
`;

/** Writes the probe script into `dir` and returns its path. */
const writeProbe = async (dir: string): Promise<string> => {
  const path = join(dir, 'probe.mjs');
  await writeFile(path, PROBE);

  return path;
};

/**
 * Imports a bundle in a fresh Node process (this process's Node binary)
 * and returns the milliseconds the import took.
 *
 * @param probe - from {@link writeProbe}
 * @param bundle - the `.mjs` file to import
 * @param env - the whole environment the process gets
 */
const measureImport = (
  probe: string,
  bundle: string,
  env: Record<string, string>,
): Promise<number> =>
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
      const ms = Number(out);
      if (code === 0 && Number.isFinite(ms)) {
        resolve(ms);
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

export { measureImport, writeProbe };
