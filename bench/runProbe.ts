import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { BenchError } from './errors';

const PROBES = resolve(import.meta.dirname, 'probes');

/**
 * Runs a probe script (bench/probes/<name>.ts) in a fresh Node process
 * with tsx, and returns the JSON it printed last. A fresh process keeps
 * one measurement from another's heap, JIT state and environment: peak
 * memory and Lambda-like settings would otherwise leak between them.
 *
 * @param name - the probe's file name without `.ts`
 * @param args - command-line arguments for the probe
 * @param env - variables added to this process's environment
 */
const runProbe = <T>(
  name: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<T> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROBES, `${name}.ts`), ...args],
      {
        cwd: resolve(import.meta.dirname, '..'),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolvePromise(JSON.parse(last) as T);
      } catch (cause) {
        reject(
          new BenchError(
            `Probe ${name} failed (exit ${code}): ${err.slice(-2000)}`,
            { cause, context: { probe: name, exit_code: code ?? -1 } },
          ),
        );
      }
    });
  });

export { runProbe };
