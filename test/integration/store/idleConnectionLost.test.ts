import { setTimeout } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from '../../../packages/core/src/log/logger';
import { openStore, type Store } from '../../../packages/core/src/store';
import { createTestDatabase } from '../../helpers/db';

const url = process.env.DATABASE_URL;

/** A log that keeps its warnings. */
const keepingLog = () => {
  const warnings: string[] = [];
  const log: Log = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => warnings.push(message),
    error: () => undefined,
  };

  return { log, warnings };
};

/**
 * Ends every other session of the database, as a server restart or an
 * operator would, and waits until they are gone; returns how many.
 */
const terminateOthers = async (databaseUrl: string): Promise<number> => {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    for (let i = 0; i < 100; i += 1) {
      const { rows: left } = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      if (left[0]?.n === 0) break;
      await setTimeout(20);
    }

    return rows.length;
  } finally {
    await admin.end();
  }
};

// PGlite has no connection to lose; this needs a PostgreSQL server.
describe.skipIf(url === undefined || url === '')(
  'a store whose idle connections the server ends',
  () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let store: Store;
    const { log, warnings } = keepingLog();

    beforeAll(async () => {
      database = await createTestDatabase();
      if (database === undefined) throw new Error('DATABASE_URL is unset');
      store = await openStore({ kind: 'postgres', url: database.url }, { log });
    });

    afterAll(async () => {
      await store.close();
      await database?.drop();
    });

    it('reports the lost connection and answers the next query on a new one', async () => {
      await store.db.selectFrom('workers').select('id').execute();
      const terminated = await terminateOthers(database?.url ?? '');
      // Bounded wait for the pool to hear of it (no timing asserted).
      for (let i = 0; i < 100 && warnings.length === 0; i += 1) {
        await setTimeout(20);
      }
      const after = await store.db.selectFrom('workers').select('id').execute();

      expect(terminated).toBeGreaterThan(0);
      expect(warnings).toContain(
        'Store connection lost while idle; the pool replaces it',
      );
      expect(after).toEqual([]);
    });

    it('survives a connection ended in the middle of a transaction', async () => {
      const url = database?.url ?? '';

      const interrupted = store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('workers').select('id').execute();
        await terminateOthers(url);
        await trx.selectFrom('workers').select('id').execute();
      });

      await expect(interrupted).rejects.toThrow();
      const after = await store.db.selectFrom('workers').select('id').execute();
      expect(after).toEqual([]);
    });
  },
);
