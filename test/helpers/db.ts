import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../packages/core/src/store';
import { waitForDisconnects } from './waitForDisconnects';

/**
 * A fresh, migrated store for one test file: a new database on the
 * PostgreSQL server named by `DATABASE_URL` (dropped afterwards), or an
 * in-memory PGlite when the variable is unset.
 */
const openTestStore = async (): Promise<Store> => {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    return openStore({ kind: 'pglite' });
  }

  const name = `rovn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const store = await openStore({ kind: 'postgres', url: testUrl.toString() });

  return {
    ...store,
    close: async () => {
      await store.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await waitForDisconnects(dropper, name);
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
};

/**
 * A fresh, empty database on the PostgreSQL server named by
 * `DATABASE_URL`, for code that opens its own store; `undefined` when the
 * variable is unset (the caller then uses PGlite).
 */
const createTestDatabase = async (): Promise<
  { url: string; drop: () => Promise<void> } | undefined
> => {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') return undefined;

  const name = `rovn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;

  return {
    url: testUrl.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await waitForDisconnects(dropper, name);
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
};

export { createTestDatabase, openTestStore };
