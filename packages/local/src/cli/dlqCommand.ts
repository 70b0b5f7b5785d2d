import { SQSClient } from '@aws-sdk/client-sqs';
import {
  DEAD_LETTER_OWNERS,
  type DeadLetter,
  deadLetterQueuesOf,
  type MessageFailureSummary,
  peekDeadLetters,
  RovnError,
  redriveDeadLetters,
  resolveQueue,
  summarizeMessageFailures,
} from '@rovn/core';
import type { CliIo } from './cliIo';
import type { OperatorDeps } from './operatorDeps';
import { withOperatorStore } from './operatorDeps';
import { type OperatorTarget, TARGET_HELP } from './operatorTarget';
import { type CheckOwnArgs, parseOperatorArgs } from './parseOperatorArgs';

const USAGE = `Usage: pnpm rovn dlq list <source> [options] [--max N] [--json]
       pnpm rovn dlq redrive <source> [options] [--max N]

list     shows the messages waiting in the source's dead-letter queue: id,
         receive count, first receive, and the recorded failure reason
         (from the store: DATABASE_URL, else .rovn/local/pgdata)
redrive  after a fix, sends each message back to the source's queue and
         then deletes it from the DLQ; a message already sent back (this
         run, or an earlier one recorded in the store) is not sent twice

<source> is one of: ${DEAD_LETTER_OWNERS.join(', ')}

  --max N   most messages to list or move (default 100 / 1000)
  --json    list as JSON

${TARGET_HELP}`;

const iso = (date: Date | null): string => date?.toISOString() ?? '-';

/** One DLQ message and what the store knows about its failures. */
const listEntry = (letter: DeadLetter, failure?: MessageFailureSummary) => ({
  message_id: letter.messageId,
  receive_count: letter.receiveCount,
  first_received_at: iso(letter.firstReceivedAt),
  sent_at: iso(letter.sentAt),
  redriven_from: letter.redrivenFrom,
  failed_attempts: failure?.attempts ?? 0,
  failure:
    failure === undefined
      ? null
      : {
          error: failure.last.errorName,
          message: failure.last.errorMessage,
          handler: failure.last.handler,
          at: failure.last.failedAt.toISOString(),
        },
});

const formatEntry = (entry: ReturnType<typeof listEntry>): string => {
  const reason =
    entry.failure === null
      ? 'no failure recorded (store not reachable, or the consumer is not ours)'
      : `${entry.failure.error}: ${entry.failure.message} (${entry.failure.handler}, ${entry.failure.at})`;
  const origin =
    entry.redriven_from === null
      ? ''
      : `\n  redriven before, was ${entry.redriven_from}`;

  return `${entry.message_id}
  receives ${entry.receive_count}, first received ${entry.first_received_at}, sent ${entry.sent_at}
  failed ${entry.failed_attempts}x, last: ${reason}${origin}`;
};

const runList = async (
  sqs: SQSClient,
  target: OperatorTarget,
  owner: string,
  options: { max: number; json: boolean; deps: OperatorDeps; io: CliIo },
): Promise<number> => {
  const names = deadLetterQueuesOf(owner, target.prefix);
  const dlq = await resolveQueue(sqs, names.deadLetterQueue);
  const letters = await peekDeadLetters(sqs, dlq, options.max);
  const entries = await withOperatorStore(options.deps, async (db) => {
    const failures =
      db === undefined
        ? new Map<string, MessageFailureSummary>()
        : await summarizeMessageFailures(
            db,
            letters.map((letter) => letter.messageId),
          );

    return letters.map((letter) =>
      listEntry(letter, failures.get(letter.messageId)),
    );
  });

  if (options.json) {
    options.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    options.io.stdout(
      `${dlq.name} on ${target.label}: ${entries.length} message(s)\n`,
    );
    for (const entry of entries) options.io.stdout(`${formatEntry(entry)}\n`);
  }

  return 0;
};

const runRedrive = async (
  sqs: SQSClient,
  target: OperatorTarget,
  owner: string,
  options: { max: number; deps: OperatorDeps; io: CliIo },
): Promise<number> => {
  const names = deadLetterQueuesOf(owner, target.prefix);
  const dlq = await resolveQueue(sqs, names.deadLetterQueue);
  const queue = await resolveQueue(sqs, names.queue);

  const report = await withOperatorStore(options.deps, (db) =>
    redriveDeadLetters({
      sqs,
      dlq,
      target: queue,
      max: options.max,
      ...(db === undefined ? {} : { db }),
    }),
  );
  options.io.stdout(
    `Moved ${report.moved.length} message(s) from ${dlq.name} to ${queue.name}; deleted ${report.alreadyMoved.length} already sent back earlier\n`,
  );
  for (const id of report.moved) options.io.stdout(`  moved ${id}\n`);

  return 0;
};

/** The dlq command's own arguments, checked. */
interface DlqArgs {
  sub: 'list' | 'redrive';
  owner: string;
  /** 0 for the subcommand's default. */
  max: number;
}

/** Checks the subcommand, the source and `--max`, before any target. */
const checkDlqArgs: CheckOwnArgs<DlqArgs> = (positionals, values) => {
  const [sub, owner, ...extra] = positionals;
  const max = Number(values.max ?? '0');
  if (sub !== 'list' && sub !== 'redrive') {
    return {
      problem:
        sub === undefined
          ? 'missing subcommand (expected list|redrive)'
          : `unknown subcommand ${sub} (expected list|redrive)`,
    };
  }
  if (owner === undefined || extra.length > 0) {
    return { problem: 'expected exactly one <source>' };
  }
  if (!DEAD_LETTER_OWNERS.includes(owner)) {
    return {
      problem: `unknown source ${owner} (expected one of ${DEAD_LETTER_OWNERS.join(', ')})`,
    };
  }
  if (!Number.isInteger(max) || max < 0) {
    return { problem: '--max must be a whole number' };
  }

  return { args: { sub, owner, max } };
};

/**
 * `rovn dlq list|redrive <source>`: inspect a dead-letter queue with the
 * recorded failure reasons, and move its messages back after a fix.
 * Returns 0 on success, 1 for a missing resource or failed call, 2 for
 * bad arguments (an unknown subcommand or source among them).
 *
 * @param argv - the arguments after `dlq`
 * @param io - where to write
 * @param deps - store and environment (production defaults)
 */
const runDlqCommand = async (
  argv: string[],
  io: CliIo,
  deps: OperatorDeps = {},
): Promise<number> => {
  const parsed = parseOperatorArgs(
    argv,
    deps.env ?? process.env,
    { max: { type: 'string' }, json: { type: 'boolean' } },
    checkDlqArgs,
  );
  if (parsed.kind === 'help') {
    io.stdout(USAGE);

    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${USAGE}`);

    return 2;
  }
  const { sub, owner, max } = parsed.args;

  const sqs = new SQSClient(parsed.target.clientConfig);
  try {
    return sub === 'list'
      ? await runList(sqs, parsed.target, owner, {
          max: max || 100,
          json: parsed.values.json === true,
          deps,
          io,
        })
      : await runRedrive(sqs, parsed.target, owner, {
          max: max || 1000,
          deps,
          io,
        });
  } catch (error) {
    if (!(error instanceof RovnError)) throw error;
    io.stderr(`${error.name}: ${error.message}\n`);

    return 1;
  } finally {
    sqs.destroy();
  }
};

export { runDlqCommand };
