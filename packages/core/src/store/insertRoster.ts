import type { Kysely } from 'kysely';
import type {
  Database,
  NewCheck,
  NewCredential,
  NewEngagement,
  NewFacility,
  NewWorker,
} from './schema';

/** Everything needed to start verifying a set of workers. */
interface Roster {
  workers: NewWorker[];
  facilities: NewFacility[];
  engagements: NewEngagement[];
  credentials: NewCredential[];
  checks: NewCheck[];
}

const CHUNK = 500;

/** Inserts a roster in one transaction, in foreign-key order. */
const insertRoster = async (
  db: Kysely<Database>,
  roster: Roster,
): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['workers', roster.workers],
      ['facilities', roster.facilities],
      ['engagements', roster.engagements],
      ['credentials', roster.credentials],
      ['checks', roster.checks],
    ] as const) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        await trx
          .insertInto(table)
          .values(rows.slice(start, start + CHUNK) as never)
          .execute();
      }
    }
  });
};

export type { Roster };
export { insertRoster };
