import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** source -> outcome -> count of the latest outcome of every check. */
const outcomesBySource = async (
  db: Kysely<Database>,
): Promise<Record<string, Record<string, number>>> => {
  const rows = await db
    .selectFrom('checks')
    .select(['source', 'last_outcome', sql<number>`count(*)::int`.as('n')])
    .groupBy(['source', 'last_outcome'])
    .execute();

  const table: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const bySource = table[row.source] ?? {};
    bySource[row.last_outcome ?? 'pending'] = Number(row.n);
    table[row.source] = bySource;
  }

  return table;
};

/** Checks due at `now` that no live lease holds. */
const countDueChecks = async (
  db: Kysely<Database>,
  now: Date,
): Promise<number> => {
  const row = await db
    .selectFrom('checks')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('next_due_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('lease_expires_at', 'is', null),
        eb('lease_expires_at', '<=', now),
      ]),
    )
    .executeTakeFirstOrThrow();

  return Number(row.n);
};

/** Number of stored results per request id seen more than once (0 = ok). */
const countDuplicateResults = async (db: Kysely<Database>): Promise<number> => {
  const row = await db
    .selectFrom('results')
    .select(sql<number>`count(*) - count(distinct request_id)`.as('n'))
    .executeTakeFirstOrThrow();

  return Number(row.n);
};

export { countDueChecks, countDuplicateResults, outcomesBySource };
