import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Log, silentLog } from '../log/logger';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { DATE_OID, type Store } from './store';

/** A PostgreSQL server and the most connections its pool may open. */
interface PostgresLocation {
  url: string;
  maxConnections?: number;
}

/**
 * Opens a PostgreSQL store with `pg` and migrates it. This is the only
 * store the Lambdas open: it never loads PGlite, so a function's bundle
 * does not carry the embedded database.
 *
 * Note: SQL `date` columns are returned as `YYYY-MM-DD` strings, not
 * `Date`s, so a date never shifts with the process time zone.
 *
 * @param location - the server's URL and the pool size (default 5)
 * @param options.log - where a pooled connection lost while idle is
 *   reported
 */
const openPostgresStore = async (
  location: PostgresLocation,
  options: { log?: Log } = {},
): Promise<Store> => {
  const log = options.log ?? silentLog;
  const pool = new pg.Pool({
    connectionString: location.url,
    max: location.maxConnections ?? 5,
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>);

  return { db, location: 'postgres', close: () => db.destroy() };
};

export type { PostgresLocation };
export { openPostgresStore };
