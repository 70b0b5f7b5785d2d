import { type Kysely, type RawBuilder, sql } from 'kysely';
import { CADENCE_POLICY, type CadencePolicy } from '../cadence/policy';
import { SOURCE_IDS } from '../topology/sources';
import type { Database } from './schema';

/** How well one source's checks are kept inside their windows. */
interface SourceCoverage {
  source: string;
  checks: number;
  /** Due now and not held by a live claim. */
  due: number;
  /** Claimed, with a request out (the lease has not run out). */
  inFlight: number;
  /** Never verified, or last verified longer ago than the window. */
  overdue: number;
  neverVerified: number;
  /** The oldest last verification among verified checks. */
  oldestVerifiedAt: Date | null;
}

/**
 * The window cut-off of every check as one SQL `case`, built from the
 * policy: source entries first, then `'*'` entries of the kind. A check
 * no policy covers gets `now`, so it counts as overdue: nothing keeps it
 * inside a window.
 */
const cutoffCase = (
  now: Date,
  policies: readonly CadencePolicy[],
): RawBuilder<Date> => {
  const ordered = [
    ...policies.filter((p) => p.source !== '*'),
    ...policies.filter((p) => p.source === '*'),
  ];
  const branches = ordered.map((p) => {
    const cutoff = new Date(now.getTime() - p.windowMs).toISOString();
    const sourceTest =
      p.source === '*' ? sql`true` : sql`c.source = ${p.source}`;

    return sql`when ${sourceTest} and cr.kind = ${p.credential} then ${cutoff}::timestamptz`;
  });

  return sql<Date>`case ${sql.join(branches, sql` `)} else ${now.toISOString()}::timestamptz end`;
};

/**
 * Per source: checks, due, in flight, overdue, never verified and the
 * oldest verification, in one pass over the checks. Every known source
 * gets a row, with zeros when it has no checks.
 */
const computeCoverage = async (
  db: Kysely<Database>,
  now: Date,
  policies: readonly CadencePolicy[] = CADENCE_POLICY,
): Promise<SourceCoverage[]> => {
  const at = now.toISOString();
  const { rows } = await sql<{
    source: string;
    checks: number;
    due: number;
    in_flight: number;
    overdue: number;
    never_verified: number;
    oldest_verified_at: Date | string | null;
  }>`
    select c.source,
      count(*)::int as checks,
      count(*) filter (
        where c.next_due_at <= ${at}::timestamptz
          and (c.lease_expires_at is null
            or c.lease_expires_at <= ${at}::timestamptz)
      )::int as due,
      count(*) filter (
        where c.lease_expires_at > ${at}::timestamptz
      )::int as in_flight,
      count(*) filter (
        where c.last_verified_at is null
          or c.last_verified_at < ${cutoffCase(now, policies)}
      )::int as overdue,
      count(*) filter (where c.last_verified_at is null)::int
        as never_verified,
      min(c.last_verified_at) as oldest_verified_at
    from checks c
    join credentials cr on cr.id = c.credential_id
    group by c.source
    order by c.source
  `.execute(db);

  const found = rows.map((row) => ({
    source: row.source,
    checks: Number(row.checks),
    due: Number(row.due),
    inFlight: Number(row.in_flight),
    overdue: Number(row.overdue),
    neverVerified: Number(row.never_verified),
    oldestVerifiedAt:
      row.oldest_verified_at === null ? null : new Date(row.oldest_verified_at),
  }));
  const empty = SOURCE_IDS.filter((id) => !found.some((r) => r.source === id));

  return [
    ...found,
    ...empty.map((source) => ({
      source,
      checks: 0,
      due: 0,
      inFlight: 0,
      overdue: 0,
      neverVerified: 0,
      oldestVerifiedAt: null,
    })),
  ].sort((a, b) => a.source.localeCompare(b.source));
};

export type { SourceCoverage };
export { computeCoverage };
