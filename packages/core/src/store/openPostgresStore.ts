import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
 */
const openPostgresStore = async (
  location: PostgresLocation,
): Promise<Store> => {
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>);

  return { db, location: 'postgres', close: () => db.destroy() };
};

export type { PostgresLocation };
export { openPostgresStore };
