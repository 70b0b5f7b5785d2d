import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { format } from 'node:util';

/**
 * Sends what the handlers log to a file, so the terminal shows only the
 * run's progress. Powertools writes through the global `console` in dev
 * mode (`POWERTOOLS_DEV`), which the local stack turns on; the log file is
 * what the PHI scan reads.
 *
 * Returns a function that restores the console and closes the file.
 */
const captureHandlerLogs = (path: string): (() => Promise<void>) => {
  mkdirSync(dirname(path), { recursive: true });
  const file = createWriteStream(path, { flags: 'a' });
  const original = {
    log: console.log,
    info: console.info,
    debug: console.debug,
    warn: console.warn,
    error: console.error,
    trace: console.trace,
  };
  const write = (...args: unknown[]): void => {
    file.write(`${format(...args)}\n`);
  };
  Object.assign(console, {
    log: write,
    info: write,
    debug: write,
    warn: write,
    error: write,
    trace: write,
  });

  return () =>
    new Promise<void>((resolve) => {
      Object.assign(console, original);
      file.end(resolve);
    });
};

export { captureHandlerLogs };
