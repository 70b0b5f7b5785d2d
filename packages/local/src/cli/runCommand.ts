import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runLocal } from '../run/runLocal';

const USAGE = `Usage: pnpm local [--workers N] [--out DIR] [--reuse] [--chaos] [--seed N]

Runs the whole verification loop on this machine: moto_server as AWS, a
source simulator, embedded PGlite (or DATABASE_URL), the real handlers.

  --workers N   made-up workers to seed (default 100, at least 1); not
                with --reuse, whose database keeps the roster it has
  --out DIR     where the database, outbox, logs and run-summary.json go
                (default .rovn/local)
  --reuse       keep the previous run's database instead of resetting it
  --chaos       the seeded fault run: every message twice, some out of
                order, killed invocations, faulty sources, one dropped
                database connection; prints the invariants it checked
                and exits 1 when one is broken
  --seed N      seed of the roster and of the chaos plan (default 1)
`;

/** `rovn run`: the local end-to-end run. Returns the exit code. */
const runCommand = async (
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> => {
  let values: {
    workers?: string;
    out?: string;
    reuse?: boolean;
    chaos?: boolean;
    seed?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workers: { type: 'string' },
        out: { type: 'string' },
        reuse: { type: 'boolean' },
        chaos: { type: 'boolean' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);

    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);

    return 0;
  }
  if (values.reuse && values.workers !== undefined) {
    io.stderr(
      `--workers and --reuse cannot be combined: a reused database keeps the roster it was seeded with. Leave out --workers to go on with that roster, or --reuse to seed a new one\n\n${USAGE}`,
    );

    return 2;
  }
  const workers = Number(values.workers ?? '100');
  if (!Number.isInteger(workers) || workers < 1 || workers > 100_000) {
    io.stderr(`--workers must be a whole number from 1 to 100000\n\n${USAGE}`);

    return 2;
  }

  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) {
    io.stderr(`--seed must be a whole number from 0\n\n${USAGE}`);

    return 2;
  }

  const databaseUrl = process.env.DATABASE_URL;
  const summary = await runLocal({
    outDir: resolve(values.out ?? '.rovn/local'),
    workers,
    reuse: values.reuse ?? false,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(seed === undefined ? {} : { seed }),
    ...(values.chaos ? { chaos: true, deliverTwice: true } : {}),
    print: (line) => io.stdout(`${line}\n`),
  });

  return (summary.chaos?.invariants.violations.length ?? 0) === 0 ? 0 : 1;
};

export { runCommand };
