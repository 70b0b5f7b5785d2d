import type { CliIo } from './cliIo';
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
  egress check <url> [--source <id>] [--resolve host=ip[,ip]]
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

const HELP = new Set(['--help', '-h']);

/** `rovn egress ...`: only `check` so far; `--help` shows its usage. */
const runEgressCommand = (argv: string[], io: CliIo): Promise<number> => {
  const [sub, ...rest] = argv;
  const egressIo = {
    stdout: { write: io.stdout },
    stderr: { write: io.stderr },
  };
  if (sub === 'check') return runEgressCheck(rest, egressIo);
  if (sub !== undefined && HELP.has(sub)) {
    return runEgressCheck(['--help'], egressIo);
  }
  io.stderr(
    `${sub === undefined ? 'missing subcommand' : `unknown subcommand ${sub}`} (expected check)\n\n${USAGE}`,
  );

  return Promise.resolve(2);
};

/**
 * Runs one `rovn` command and returns its exit code: 0 done, 1 failed,
 * 2 bad arguments. `rovn`, `rovn --help` and every `rovn <command>
 * --help` print a usage.
 *
 * @param argv - the arguments after `rovn`
 * @param io - where to write
 */
const dispatchCommand = async (argv: string[], io: CliIo): Promise<number> => {
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
      return runEgressCommand(rest, io);
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

export { dispatchCommand };
