import { RovnError } from '@rovn/core';
import { dispatchCommand } from './dispatchCommand';

const io = {
  stdout: (s: string) => {
    process.stdout.write(s);
  },
  stderr: (s: string) => {
    process.stderr.write(s);
  },
};

/** The first error down a `cause` chain that is not one of ours. */
const rootCause = (error: Error): Error | undefined => {
  let cause: unknown = error.cause;
  while (cause instanceof RovnError) cause = cause.cause;

  return cause instanceof Error ? cause : undefined;
};

/**
 * The operator and developer command line. A failure prints its name and
 * message, and the underlying cause (a refused connection, missing
 * credentials); the stack only with `ROVN_DEBUG=1`.
 */
const main = async (): Promise<void> => {
  try {
    process.exitCode = await dispatchCommand(process.argv.slice(2), io);
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const cause = rootCause(error);
    process.stderr.write(`${error.name}: ${error.message}\n`);
    if (cause !== undefined) {
      process.stderr.write(`  caused by ${cause.name}: ${cause.message}\n`);
    }
    if (process.env.ROVN_DEBUG === '1') {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    process.exitCode = 1;
  }
};

await main();
