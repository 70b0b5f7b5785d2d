import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { DATE_OID, type Store } from './store';

/**
 * Opens embedded PGlite, in memory or persisted under `dataDir`, and
 * migrates it. For the local stack and tests only: no function entry
 * reaches this module, so PGlite is never bundled into a Lambda.
 *
 * @param dataDir - where the database persists; in memory when omitted
 */
const openPgliteStore = async (dataDir?: string): Promise<Store> => {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const options = { parsers: { [DATE_OID]: (value: string) => value } };
  const lite =
    dataDir === undefined
      ? await PGlite.create(options)
      : await PGlite.create(dataDir, options);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(lite) });
  await migrateToLatest(db as Kysely<unknown>);

  return { db, location: 'pglite', close: () => db.destroy() };
};

export { openPgliteStore };
