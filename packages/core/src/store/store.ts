import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * PostgreSQL's type id of `date`: both stores return such columns as the
 * `YYYY-MM-DD` text, never as a `Date` that shifts with the time zone.
 */
const DATE_OID = 1082;

/** An open, migrated store. */
interface Store {
  db: Kysely<Database>;
  location: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export type { Store };
export { DATE_OID };
