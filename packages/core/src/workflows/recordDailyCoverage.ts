import type { Kysely } from 'kysely';
import { computeCoverage, type SourceCoverage } from '../store/computeCoverage';
import { saveCoverageReport } from '../store/coverageReports';
import type { Database } from '../store/schema';

/** What {@link recordDailyCoverage} computed and stored. */
interface DailyCoverage {
  /** `YYYY-MM-DD` (UTC) the figures are stored under. */
  day: string;
  computedAt: Date;
  sources: SourceCoverage[];
}

/**
 * Computes coverage now and stores it as today's record (UTC day): the
 * figures a compliance officer asks for, kept day by day.
 */
const recordDailyCoverage = async (
  db: Kysely<Database>,
  clock: () => Date = () => new Date(),
): Promise<DailyCoverage> => {
  const computedAt = clock();
  const day = computedAt.toISOString().slice(0, 10);

  const sources = await computeCoverage(db, computedAt);
  await saveCoverageReport(db, day, sources, computedAt);

  return { day, computedAt, sources };
};

export type { DailyCoverage };
export { recordDailyCoverage };
