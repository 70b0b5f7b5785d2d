import { setTimeout } from 'node:timers/promises';
import type pg from 'pg';

/**
 * Waits, boundedly, until the server lists no connection to `database`.
 *
 * A closed pg pool has asked its connections to end without waiting for
 * them to go; dropping the database `with (force)` before they are gone
 * terminates them, and each raises an unhandled error in the test run.
 */
const waitForDisconnects = async (
  admin: pg.Client,
  database: string,
): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [database],
    );
    if (rows[0]?.n === 0) return;
    await setTimeout(20);
  }
};

export { waitForDisconnects };
