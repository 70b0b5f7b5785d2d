import type { Kysely } from 'kysely';
import type {
  Database,
  NewCheck,
  NewCredential,
  NewEngagement,
  NewFacility,
  NewWorker,
} from './schema';

/**
 * A worker as a roster gives it: the table's columns, with former family
 * names as a plain list (stored as JSON).
 */
type RosterWorker = Omit<NewWorker, 'former_family_names'> & {
  former_family_names?: readonly string[] | null | undefined;
};

/** Everything needed to start verifying a set of workers. */
interface Roster {
  workers: RosterWorker[];
  facilities: NewFacility[];
  engagements: NewEngagement[];
  credentials: NewCredential[];
  checks: NewCheck[];
}

const CHUNK = 500;

const toWorkerRow = ({
  former_family_names: former,
  ...worker
}: RosterWorker): NewWorker => ({
  ...worker,
  ...(former === undefined || former === null
    ? {}
    : { former_family_names: JSON.stringify(former) }),
});

/** Inserts a roster in one transaction, in foreign-key order. */
const insertRoster = async (
  db: Kysely<Database>,
  roster: Roster,
): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['workers', roster.workers.map(toWorkerRow)],
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

export type { Roster, RosterWorker };
export { insertRoster };
