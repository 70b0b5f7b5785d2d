import { RovnError } from '@rovn/core';
import { runCoverageCommand } from './coverageCommand';
import { runDlqCommand } from './dlqCommand';
import { runEgressCheck } from './egressCheck';
import { runReceiptsCommand } from './receiptsCommand';
import { runReplayCommand } from './replayCommand';
import { runCommand } from './runCommand';
import { runSuppressionsCommand } from './suppressionsCommand';
import { runContractsCommand } from './writeContracts';

const USAGE = `Usage: pnpm rovn <command> [options]

Commands:
  run                         the local end-to-end run (same as pnpm local)
  egress check <url> [--resolve host=ip[,ip]]
                              what the egress guard decides for a URL
  replay --source <id> --subject <file> (--response <file> | --receipt <key>)
                              re-run classification on stored bytes
  dlq list|redrive <source>   a DLQ's messages with their failure reasons;
                              move them back after a fix
  receipts verify <key> | --check <id>
                              re-hash a receipt, check its lock, print it
  contracts write|check       the event contracts as JSON Schema files
  coverage [--json]           per source: checks due, overdue, oldest
                              verification; stored as today's record
  suppressions list|lift <email>
                              addresses the notifier does not mail; lift
                              one after it works again

Run a command with --help for its options.
`;

const io = {
  stdout: (s: string) => {
    process.stdout.write(s);
  },
  stderr: (s: string) => {
    process.stderr.write(s);
  },
};

const dispatch = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest, io);
    case 'replay':
      return runReplayCommand(rest, io);
    case 'dlq':
      return runDlqCommand(rest, io);
    case 'receipts':
      return runReceiptsCommand(rest, io);
    case 'contracts':
      return runContractsCommand(rest, io);
    case 'coverage':
      return runCoverageCommand(rest, io);
    case 'suppressions':
      return runSuppressionsCommand(rest, io);
    case 'egress':
      if (rest[0] === 'check') {
        return runEgressCheck(rest.slice(1), process);
      }
      io.stderr(`Unknown egress command ${rest[0] ?? ''}\n\n${USAGE}`);

      return 2;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);

      return command === undefined ? 2 : 0;
    default:
      io.stderr(`Unknown command ${command}\n\n${USAGE}`);

      return 2;
  }
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
    process.exitCode = await dispatch(process.argv.slice(2));
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
