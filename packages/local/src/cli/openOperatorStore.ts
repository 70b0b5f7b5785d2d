import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStore, type Store } from '@rovn/core';

/** Where `pnpm local` keeps its embedded database. */
const LOCAL_PGDATA = '.rovn/local/pgdata';

/**
 * Opens the store an operator command reads: the PostgreSQL server named
 * by `DATABASE_URL`, else the local run's PGlite folder if it exists, else
 * none (the command then works from the queues and bucket alone).
 *
 * Note: opening migrates the schema to the latest version, as every
 * function does at cold start; PGlite's folder admits one process at a
 * time, so stop a running `pnpm local` first.
 *
 * @param env - the environment (`process.env` in the CLI)
 * @param localDataDir - the PGlite folder when `DATABASE_URL` is unset
 */
const openOperatorStore = async (
  env: Record<string, string | undefined>,
  localDataDir: string = LOCAL_PGDATA,
): Promise<Store | undefined> => {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    return openStore({ kind: 'postgres', url, maxConnections: 2 });
  }
  const dataDir = resolve(localDataDir);
  if (!existsSync(dataDir)) return undefined;

  return openStore({ kind: 'pglite', dataDir });
};

export { LOCAL_PGDATA, openOperatorStore };
