import pg from 'pg';
import type { ChaosTally } from './chaosTally';
import { ChaosConnectionDropped } from './errors';
import type { InvocationChaos } from './invocationChaos';

/**
 * Drops the store's database connection once. With a PostgreSQL server,
 * a separate session calls `pg_terminate_backend` on every other session
 * of the database (the pool's connections; the invocation's next query
 * meets the dead connection). PGlite has no connection to drop, so the
 * query that just ran reports a connection error instead.
 *
 * @param databaseUrl - the server, or undefined for PGlite
 */
const connectionDropper =
  (databaseUrl: string | undefined, tally: ChaosTally) =>
  async (chaos: InvocationChaos): Promise<void> => {
    if (databaseUrl === undefined) {
      tally.connectionDrop = `PGlite: a connection error thrown once by the store hook in ${chaos.label} after ${chaos.queries} queries`;
      throw new ChaosConnectionDropped(
        'Connection terminated unexpectedly (chaos: simulated drop)',
        { context: { invocation: chaos.label } },
      );
    }

    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ terminated: boolean }>(
        `select pg_terminate_backend(pid) as terminated
           from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      tally.connectionDrop = `PostgreSQL: pg_terminate_backend on ${rows.length} connections of the store in ${chaos.label} after ${chaos.queries} queries`;
    } finally {
      await admin.end();
    }
  };

export { connectionDropper };
