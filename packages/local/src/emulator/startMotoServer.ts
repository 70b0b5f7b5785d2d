import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { type Log, silentLog } from '../../../core/src/log/logger';
import { MotoNotInstalledError, MotoStartError } from './errors';
import { findFreePort } from './findFreePort';

/** Options of {@link startMotoServer}. */
interface StartMotoServerOptions {
  /** Fixed port; by default a free loopback port is picked. */
  port?: number;
  log?: Log;
  /** How long to wait for the first answer (default 30 s). */
  readyTimeoutMs?: number;
  /** Executable to run (default `moto_server` from PATH). */
  command?: string;
}

/** A running moto_server. */
interface MotoServer {
  /** Base URL for SDK clients, e.g. `http://127.0.0.1:40123`. */
  endpoint: string;
  port: number;
  /** Stops the server and every process it started. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const POLL_INTERVAL_MS = 250;
const STOP_GRACE_MS = 5_000;
const TAIL_LINES = 20;

/** Keeps the last lines a process wrote, for error messages. */
const createTail = () => {
  const lines: string[] = [];
  let partial = '';

  return {
    push(chunk: Buffer): void {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.trim() !== ''));
      lines.splice(0, Math.max(0, lines.length - TAIL_LINES));
    },
    text: (): string => [...lines, partial].join('\n').trim(),
  };
};

const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined) return;
  try {
    // The negative pid addresses the whole group: the PATH entry may be a
    // shim (pyenv) that runs Python as a grandchild.
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
};

const answers = async (endpoint: string): Promise<boolean> => {
  try {
    const response = await fetch(`${endpoint}/moto-api/data.json`, {
      signal: AbortSignal.timeout(2_000),
    });
    await response.body?.cancel();

    return response.ok;
  } catch {
    return false;
  }
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  const gone = child.exitCode !== null || child.signalCode !== null;
  if (gone || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', resolve));

  killGroup(child, 'SIGTERM');
  const graceful = await Promise.race([
    exited.then(() => true),
    delay(STOP_GRACE_MS, false, { ref: false }),
  ]);
  if (!graceful) {
    killGroup(child, 'SIGKILL');
    await exited;
  }
};

const launch = async (
  port: number,
  options: StartMotoServerOptions,
): Promise<MotoServer> => {
  const command = options.command ?? 'moto_server';
  const endpoint = `http://${HOST}:${port}`;
  const tail = createTail();
  const state: { failure?: Error } = {};

  const child = spawn(command, ['-H', HOST, '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // moto logs every request; the pipes must be drained or it blocks.
  child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk));
  child.once('error', (error: NodeJS.ErrnoException) => {
    state.failure =
      error.code === 'ENOENT'
        ? new MotoNotInstalledError({ cause: error })
        : new MotoStartError(`Could not spawn ${command}: ${error.message}`, {
            cause: error,
            context: { port },
          });
  });
  child.once('exit', (code, signal) => {
    state.failure ??= new MotoStartError(
      `moto_server exited (code ${code}, signal ${signal}) before answering on port ${port}. Last output:\n${tail.text()}`,
      {
        context: {
          port,
          address_in_use: tail.text().includes('Address already in use'),
        },
      },
    );
  });
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const maxAttempts = Math.ceil(readyTimeoutMs / POLL_INTERVAL_MS);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (state.failure) break;
    if (await answers(endpoint)) {
      options.log?.debug('moto_server is up', { endpoint, attempt });

      return {
        endpoint,
        port,
        stop: async () => {
          process.removeListener('exit', killOnExit);
          await stopChild(child);
        },
      };
    }
    await delay(POLL_INTERVAL_MS);
  }

  process.removeListener('exit', killOnExit);
  await stopChild(child);
  throw (
    state.failure ??
    new MotoStartError(
      `moto_server did not answer on ${endpoint} within ${readyTimeoutMs} ms. Last output:\n${tail.text()}`,
      { context: { port, ready_timeout_ms: readyTimeoutMs } },
    )
  );
};

/**
 * Starts moto_server on loopback and resolves once it answers HTTP.
 *
 * The server runs in its own process group (so `stop` reaches the Python
 * process behind a PATH shim) and is killed when this process exits
 * normally. Ctrl-C does not reach it, and Node's default SIGINT handling
 * skips exit handlers: a CLI must catch SIGINT/SIGTERM and call `stop`
 * (or `process.exit`), or the server outlives it.
 *
 * @param options - port, logger, start-up timeout
 * @example
 * const moto = await startMotoServer();
 * const sqs = new SQSClient(awsClientConfig(moto.endpoint));
 * await moto.stop();
 */
const startMotoServer = async (
  options: StartMotoServerOptions = {},
): Promise<MotoServer> => {
  const log = options.log ?? silentLog;
  const tries = options.port === undefined ? 3 : 1;

  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await findFreePort(HOST));
    try {
      return await launch(port, { ...options, log });
    } catch (error) {
      const inUse =
        error instanceof MotoStartError &&
        error.context.address_in_use === true;
      if (!inUse || attempt >= tries) throw error;
      log.warn('moto_server port was taken, retrying', { port, attempt });
    }
  }
};

export type { MotoServer, StartMotoServerOptions };
export { startMotoServer };
