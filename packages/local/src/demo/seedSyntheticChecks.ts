import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../core/src/store/schema';

/** Options of {@link seedSyntheticChecks}. */
interface SyntheticSeed {
  /** Checks to create: half NPPES, half LEIE, two per made-up worker. */
  checks: number;
  /** How many of them are due at `now`; spread through the table. */
  due: number;
  now: Date;
}

/**
 * A multiplier coprime with any count of the form 2^a * 5^b (and with
 * most others): `g * STRIDE mod checks` visits every residue once, so
 * exactly `due` checks fall below the cut and they are scattered.
 */
const STRIDE = 7919;

/**
 * Fills an empty store with made-up workers, credentials and checks in
 * three set-based statements (no rows travel from this process), for
 * query plans and benchmarks at scale. Due checks are overdue by up to
 * a few days; the rest fall due over the next weeks. Three quarters of
 * the checks carry an earlier verification.
 *
 * Note: `checks` must be coprime with 7919 for exactly `due` checks to
 * be due; it is for every round number.
 */
const seedSyntheticChecks = async (
  db: Kysely<Database>,
  { checks, due, now }: SyntheticSeed,
): Promise<void> => {
  const workers = Math.ceil(checks / 2);
  const at = now.toISOString();

  await sql`
    insert into workers (id, given_name, family_name, email)
    select 'syn-w' || g, 'Synthetic', 'Worker', 'syn-w' || g || '@workers.example'
    from generate_series(1, ${workers}::int) g
  `.execute(db);
  await sql`
    insert into credentials (id, worker_id, kind, label)
    select 'syn-c' || g, 'syn-w' || ((g + 1) / 2),
      case when g % 2 = 0 then 'exclusion_screen' else 'npi' end,
      case when g % 2 = 0 then 'Exclusion screening' else 'NPI' end
    from generate_series(1, ${checks}::int) g
  `.execute(db);
  await sql`
    insert into checks (id, credential_id, worker_id, source, next_due_at,
      last_outcome, last_checked_at, last_verified_at)
    select 'syn-k' || g, 'syn-c' || g, 'syn-w' || ((g + 1) / 2),
      case when g % 2 = 0 then 'oig-leie' else 'nppes' end,
      case when r < ${due}::int
        then ${at}::timestamptz - (r % 259200) * interval '1 second'
        else ${at}::timestamptz + interval '1 hour'
          + (r % 2592000) * interval '1 second'
      end,
      case when r % 4 = 0 then null else 'clear' end,
      case when r % 4 = 0 then null
        else ${at}::timestamptz - (r % 3456000) * interval '1 second' end,
      case when r % 4 = 0 then null
        else ${at}::timestamptz - (r % 3456000) * interval '1 second' end
    from (
      select g, (g::bigint * ${STRIDE}::bigint % ${checks}::bigint)::int as r
      from generate_series(1, ${checks}::int) g
    ) s
  `.execute(db);
  await sql`analyze checks`.execute(db);
};

export type { SyntheticSeed };
export { seedSyntheticChecks };
