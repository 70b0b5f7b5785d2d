import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runLocal } from '../run/runLocal';

const USAGE = `Usage: pnpm local [--workers N] [--out DIR] [--reuse]

Runs the whole verification loop on this machine: moto_server as AWS, a
source simulator, embedded PGlite (or DATABASE_URL), the real handlers.

  --workers N   made-up workers to seed (default 200, at least 1)
  --out DIR     where the database, outbox, logs and run-summary.json go
                (default .rovn/local)
  --reuse       keep the previous run's database instead of resetting it
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
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workers: { type: 'string' },
        out: { type: 'string' },
        reuse: { type: 'boolean' },
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
  const workers = Number(values.workers ?? '200');
  if (!Number.isInteger(workers) || workers < 1 || workers > 100_000) {
    io.stderr(`--workers must be a whole number from 1 to 100000\n\n${USAGE}`);

    return 2;
  }

  const databaseUrl = process.env.DATABASE_URL;
  await runLocal({
    outDir: resolve(values.out ?? '.rovn/local'),
    workers,
    reuse: values.reuse ?? false,
    ...(databaseUrl ? { databaseUrl } : {}),
    print: (line) => io.stdout(`${line}\n`),
  });

  return 0;
};

export { runCommand };
