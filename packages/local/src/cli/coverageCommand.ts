import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, recordDailyCoverage, type StoreLocation } from '@rovn/core';
import { coverageJson, formatCoverage } from '../run/formatCoverage';

const DEFAULT_DATA_DIR = '.rovn/local/pgdata';

const USAGE = `Usage: pnpm rovn coverage [--json] [--data DIR]

For every source: checks, checks due now, in flight, overdue (never
verified, or not verified within the cadence window), never verified, and
the age of the oldest verification. The figures are also stored as
today's coverage record (one row per source, the latest run of the day
winning).

Reads the PostgreSQL server in DATABASE_URL when it is set, otherwise the
local run's database.

  --json      print JSON instead of a table
  --data DIR  the local (PGlite) database directory
              (default ${DEFAULT_DATA_DIR})
`;

/** Where the command writes, and what it reads besides its arguments. */
interface CoverageCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface CoverageCommandOptions {
  env?: NodeJS.ProcessEnv;
  clock?: () => Date;
}

const isDirectory = async (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/**
 * `rovn coverage`: computes, stores and prints the coverage report.
 * Returns the exit code: 0 done, 1 no database to read, 2 bad usage.
 */
const runCoverageCommand = async (
  argv: string[],
  io: CoverageCommandIo,
  { env = process.env, clock = () => new Date() }: CoverageCommandOptions = {},
): Promise<number> => {
  let values: { json?: boolean; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        data: { type: 'string' },
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

  let location: StoreLocation;
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    location = { kind: 'postgres', url, maxConnections: 1 };
  } else {
    const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
    // Opening a missing directory would create an empty database and
    // report a reassuring nothing; say what is missing instead.
    if (!(await isDirectory(dataDir))) {
      io.stderr(
        `No local database in ${dataDir}: run pnpm local first, pass --data DIR, or set DATABASE_URL\n`,
      );

      return 1;
    }
    location = { kind: 'pglite', dataDir };
  }

  const store = await openStore(location);
  try {
    const coverage = await recordDailyCoverage(store.db, clock);
    io.stdout(
      values.json
        ? `${JSON.stringify(coverageJson(coverage), null, 2)}\n`
        : `${formatCoverage(coverage)}\n`,
    );
  } finally {
    await store.close();
  }

  return 0;
};

export type { CoverageCommandIo, CoverageCommandOptions };
export { runCoverageCommand };
