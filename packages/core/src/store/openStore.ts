import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type Log, silentLog } from '../log/logger';
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
 *
 * @param options.log - where a pooled connection lost while idle is
 *   reported (PostgreSQL only)
 */
const openStore = async (
  location: StoreLocation,
  options: { log?: Log } = {},
): Promise<Store> => {
  const db =
    location.kind === 'postgres'
      ? openPostgres(
          location.url,
          location.maxConnections ?? 5,
          options.log ?? silentLog,
        )
      : await openPglite(location.dataDir);
  await migrateToLatest(db as Kysely<unknown>);

  return { db, location: location.kind, close: () => db.destroy() };
};

const openPostgres = (url: string, max: number, log: Log): Kysely<Database> => {
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
  // The server may end a connection at any time (restart, failover, idle
  // timeout, pg_terminate_backend). pg emits the error on the client and,
  // for an idle one, again on the pool; unheard, either would crash the
  // process and every invocation in it. A checked-out client's query fails
  // on its own and the pool drops the client when it comes back; an idle
  // one is dropped at once. The next query opens a new connection.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  pool.on('error', (error: Error & { code?: string }) => {
    log.warn('Store connection lost while idle; the pool replaces it', {
      error_name: error.name,
      error_code: error.code ?? '',
    });
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
