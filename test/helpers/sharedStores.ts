import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../packages/core/src/store';
import { waitForDisconnects } from './waitForDisconnects';

/** Stores that all see one fresh database. */
interface SharedStores {
  stores: Store[];
  /** The database's URL on the server; null on PGlite. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * `count` stores on one fresh database, as separate processes (Lambdas)
 * would hold them: separate connection pools on the PostgreSQL server
 * named by `DATABASE_URL` (the database is dropped on close). Without it,
 * PGlite cannot be shared, so every entry is the same in-memory store.
 */
const openSharedStores = async (count: number): Promise<SharedStores> => {
  const server = process.env.DATABASE_URL;
  if (server === undefined || server === '') {
    const store = await openStore({ kind: 'pglite' });

    return {
      stores: Array.from({ length: count }, () => store),
      url: null,
      close: store.close,
    };
  }

  const name = `rovn_s_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const stores: Store[] = [];
  for (let i = 0; i < count; i += 1) {
    stores.push(await openStore({ kind: 'postgres', url: url.toString() }));
  }

  return {
    stores,
    url: url.toString(),
    close: async () => {
      for (const store of stores) await store.close();
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await waitForDisconnects(dropper, name);
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
};

export type { SharedStores };
export { openSharedStores };
