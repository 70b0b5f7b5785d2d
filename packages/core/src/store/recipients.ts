import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Who may hear about one worker's credentials on a given day. */
interface Recipients {
  worker: { id: string; displayName: string; email: string };
  facilities: { id: string; name: string; email: string }[];
}

/**
 * The worker and the facilities with an engagement active on `onDate`
 * (started, and not ended before that day). A facility whose engagement
 * ended hears nothing more about the worker.
 */
const recipientsFor = async (
  db: Kysely<Database>,
  workerId: string,
  onDate: string,
): Promise<Recipients | null> => {
  const worker = await db
    .selectFrom('workers')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('id', '=', workerId)
    .executeTakeFirst();
  if (worker === undefined) return null;

  const facilities = await db
    .selectFrom('engagements')
    .innerJoin('facilities', 'facilities.id', 'engagements.facility_id')
    .select(['facilities.id', 'facilities.name', 'facilities.notify_email'])
    .where('engagements.worker_id', '=', workerId)
    .where('engagements.starts_on', '<=', onDate)
    .where((eb) =>
      eb.or([
        eb('engagements.ends_on', 'is', null),
        eb('engagements.ends_on', '>=', onDate),
      ]),
    )
    .distinct()
    .orderBy('facilities.id')
    .execute();

  return {
    worker: {
      id: worker.id,
      displayName: `${worker.given_name} ${worker.family_name}`,
      email: worker.email,
    },
    facilities: facilities.map((f) => ({
      id: f.id,
      name: f.name,
      email: f.notify_email,
    })),
  };
};

export type { Recipients };
export { recipientsFor };
