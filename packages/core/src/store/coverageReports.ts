import type { Kysely } from 'kysely';
import type { SourceCoverage } from './computeCoverage';
import type { Database } from './schema';

/** One stored day of coverage for one source. */
interface CoverageRecord extends SourceCoverage {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  computedAt: Date;
}

/**
 * Stores one day's coverage, one row per source. Running it again on the
 * same day replaces that day's rows, so the record holds the latest
 * figures of each day.
 */
const saveCoverageReport = async (
  db: Kysely<Database>,
  day: string,
  coverage: readonly SourceCoverage[],
  computedAt: Date,
): Promise<void> => {
  if (coverage.length === 0) return;
  const rows = coverage.map((c) => ({
    day,
    source: c.source,
    checks: c.checks,
    due: c.due,
    in_flight: c.inFlight,
    overdue: c.overdue,
    never_verified: c.neverVerified,
    oldest_verified_at: c.oldestVerifiedAt,
    computed_at: computedAt,
  }));

  await db
    .insertInto('coverage_reports')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['day', 'source']).doUpdateSet((eb) => ({
        checks: eb.ref('excluded.checks'),
        due: eb.ref('excluded.due'),
        in_flight: eb.ref('excluded.in_flight'),
        overdue: eb.ref('excluded.overdue'),
        never_verified: eb.ref('excluded.never_verified'),
        oldest_verified_at: eb.ref('excluded.oldest_verified_at'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
};

/** Stored coverage from `fromDay` on (inclusive), oldest day first. */
const readCoverageReports = async (
  db: Kysely<Database>,
  fromDay: string,
): Promise<CoverageRecord[]> => {
  const rows = await db
    .selectFrom('coverage_reports')
    .selectAll()
    .where('day', '>=', fromDay)
    .orderBy('day')
    .orderBy('source')
    .execute();

  return rows.map((row) => ({
    day: row.day,
    source: row.source,
    checks: row.checks,
    due: row.due,
    inFlight: row.in_flight,
    overdue: row.overdue,
    neverVerified: row.never_verified,
    oldestVerifiedAt:
      row.oldest_verified_at === null ? null : new Date(row.oldest_verified_at),
    computedAt: new Date(row.computed_at),
  }));
};

export type { CoverageRecord };
export { readCoverageReports, saveCoverageReport };
