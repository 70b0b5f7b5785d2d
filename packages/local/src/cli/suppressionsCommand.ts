import { parseArgs } from 'node:util';
import { liftSuppression, listSuppressions, type Store } from '@rovn/core';
import type { CliIo } from './cliIo';
import { LOCAL_PGDATA, openOperatorStore } from './openOperatorStore';

const USAGE = `Usage: pnpm rovn suppressions list [--json] [--data DIR]
       pnpm rovn suppressions lift <email> [--data DIR]

list   the addresses the notifier does not mail (after a permanent
       bounce, a complaint, or repeated transient bounces), with reason
       and date
lift   takes one address off the list once it works again; the lift is
       recorded, and transient bounces from before it no longer count

Reads the PostgreSQL server in DATABASE_URL when it is set, otherwise the
local run's database (--data DIR, default ${LOCAL_PGDATA}; stop a running
pnpm local first).
`;

interface SuppressionsCommandOptions {
  env?: Record<string, string | undefined>;
  clock?: () => Date;
}

const runList = async (store: Store, json: boolean, io: CliIo) => {
  const rows = await listSuppressions(store.db);
  if (json) {
    io.stdout(
      `${JSON.stringify(
        rows.map((row) => ({
          email: row.email,
          reason: row.reason,
          suppressed_at: row.suppressedAt.toISOString(),
        })),
        null,
        2,
      )}\n`,
    );
  } else if (rows.length === 0) {
    io.stdout('No suppressed addresses.\n');
  } else {
    for (const row of rows) {
      io.stdout(
        `${row.email}  ${row.reason}  since ${row.suppressedAt.toISOString()}\n`,
      );
    }
  }

  return 0;
};

/**
 * `rovn suppressions list|lift`: shows the suppression list, or lifts one
 * address. Returns the exit code: 0 done, 1 no database or nothing to
 * lift, 2 bad usage.
 */
const runSuppressionsCommand = async (
  argv: string[],
  io: CliIo,
  {
    env = process.env,
    clock = () => new Date(),
  }: SuppressionsCommandOptions = {},
): Promise<number> => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);

    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);

    return 0;
  }
  const [action, email, ...extra] = positionals;
  const valid =
    (action === 'list' && email === undefined) ||
    (action === 'lift' && email !== undefined && email.includes('@'));
  if (!valid || extra.length > 0) {
    io.stderr(`Expected "list" or "lift <email>"\n\n${USAGE}`);

    return 2;
  }

  const store = await openOperatorStore(env, values.data);
  if (store === undefined) {
    io.stderr(
      'No database: set DATABASE_URL, or run pnpm local first for the local one\n',
    );

    return 1;
  }
  try {
    if (action === 'list')
      return await runList(store, values.json === true, io);

    const lifted = await liftSuppression(store.db, {
      email: email ?? '',
      now: clock(),
    });
    io[lifted ? 'stdout' : 'stderr'](
      lifted
        ? `Lifted the suppression of ${email}; the notifier mails it again.\n`
        : `${email} is not suppressed; nothing changed.\n`,
    );

    return lifted ? 0 : 1;
  } finally {
    await store.close();
  }
};

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });

export type { SuppressionsCommandOptions };
export { runSuppressionsCommand };
