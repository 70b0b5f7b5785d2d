import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** One request to spend calls of a source's daily quota. */
interface CallReservation {
  source: string;
  /** The UTC day the calls count against, `YYYY-MM-DD`. */
  day: string;
  calls: number;
  /** Calls the source allows per day. */
  limit: number;
}

/**
 * Reserves calls of a source's daily quota before making them, atomically
 * (one upsert), so concurrent adapters never overspend between them.
 *
 * @returns true when the calls fit and were counted; false when the day's
 *   budget cannot hold them (nothing is counted then)
 */
const reserveSourceCalls = async (
  db: Kysely<Database>,
  reservation: CallReservation,
): Promise<boolean> => {
  if (reservation.calls > reservation.limit) {
    return false;
  }

  const row = await db
    .insertInto('source_call_budget')
    .values({
      source: reservation.source,
      day: reservation.day,
      calls: reservation.calls,
      call_limit: reservation.limit,
    })
    .onConflict((oc) =>
      oc
        .columns(['source', 'day'])
        .doUpdateSet({
          calls: sql`source_call_budget.calls + excluded.calls`,
          call_limit: sql`excluded.call_limit`,
        })
        .where(
          sql<boolean>`source_call_budget.calls + excluded.calls <= excluded.call_limit`,
        ),
    )
    .returning('calls')
    .executeTakeFirst();

  return row !== undefined;
};

/**
 * Marks a source's day as spent, after the source itself said so (HTTP
 * 429): every later reservation that day is refused without a call.
 */
const spendSourceBudget = async (
  db: Kysely<Database>,
  budget: { source: string; day: string; limit: number },
): Promise<void> => {
  await db
    .insertInto('source_call_budget')
    .values({
      source: budget.source,
      day: budget.day,
      calls: budget.limit,
      call_limit: budget.limit,
    })
    .onConflict((oc) =>
      oc.columns(['source', 'day']).doUpdateSet({
        calls: sql`greatest(source_call_budget.calls, excluded.call_limit)`,
      }),
    )
    .execute();
};

/** Calls counted for a source on a day (0 when none). */
const sourceCallsOn = async (
  db: Kysely<Database>,
  source: string,
  day: string,
): Promise<number> => {
  const row = await db
    .selectFrom('source_call_budget')
    .select('calls')
    .where('source', '=', source)
    .where('day', '=', day)
    .executeTakeFirst();

  return row?.calls ?? 0;
};

export type { CallReservation };
export { reserveSourceCalls, sourceCallsOn, spendSourceBudget };
