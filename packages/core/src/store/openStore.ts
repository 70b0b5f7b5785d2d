import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

const DATE_OID = 1082;

/** Where the store lives: a PostgreSQL server, or embedded PGlite. */
type StoreLocation =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string };

interface Store {
  db: Kysely<Database>;
  location: StoreLocation['kind'];
  close(): Promise<void>;
}

/**
 * Opens the store and migrates it. A PostgreSQL server when a URL is given;
 * otherwise embedded PGlite, in memory or persisted under `dataDir`.
 *
 * Note: SQL `date` columns are returned as `YYYY-MM-DD` strings, not
 * `Date`s, so a date never shifts with the process time zone.
 */
const openStore = async (location: StoreLocation): Promise<Store> => {
  const db =
    location.kind === 'postgres'
      ? openPostgres(location.url, location.maxConnections ?? 5)
      : await openPglite(location.dataDir);
  await migrateToLatest(db as Kysely<unknown>);

  return { db, location: location.kind, close: () => db.destroy() };
};

const openPostgres = (url: string, max: number): Kysely<Database> => {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: (oid, format) =>
        oid === DATE_OID
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format),
    },
  });

  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};

const openPglite = async (dataDir?: string): Promise<Kysely<Database>> => {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const options = { parsers: { [DATE_OID]: (value: string) => value } };
  const lite =
    dataDir === undefined
      ? await PGlite.create(options)
      : await PGlite.create(dataDir, options);

  return new Kysely<Database>({ dialect: new PGliteDialect(lite) });
};

export type { Store, StoreLocation };
export { openStore };
