import type { ExpiringDeps, ExpiringReport } from './notifyExpiring';
import { notifyExpiring } from './notifyExpiring';
import {
  notifySourceOutages,
  type OutageDeps,
  type OutageReport,
} from './notifySourceOutages';

/** What the daily notices job did. */
interface ScheduledNoticesReport {
  expiring: ExpiringReport;
  outages: OutageReport;
}

/**
 * The daily notices job: expiry reminders at their day marks, then the
 * operators' digest of sources unavailable for too long. Both are safe to
 * run again the same day: every notice has its key in the log.
 */
const runScheduledNotices = async (
  deps: ExpiringDeps & OutageDeps,
): Promise<ScheduledNoticesReport> => {
  const expiring = await notifyExpiring(deps);
  const outages = await notifySourceOutages(deps);

  return { expiring, outages };
};

export type { ScheduledNoticesReport };
export { runScheduledNotices };
