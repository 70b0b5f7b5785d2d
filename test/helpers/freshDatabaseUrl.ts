import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for one test, and how to drop it. */
interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server named by `DATABASE_URL`,
 * for code that opens the store itself from a URL (the local run); or
 * `undefined` when the variable is unset, so that code uses PGlite.
 */
const freshDatabaseUrl = async (): Promise<FreshDatabase | undefined> => {
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
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
};

export type { FreshDatabase };
export { freshDatabaseUrl };
