import type { SESClient } from '@aws-sdk/client-ses';
import { type Kysely, sql } from 'kysely';
import type { Log } from '../log/logger';
import type { Database } from '../store/schema';
import { isSourceId, SOURCES, type SourceId } from '../topology/sources';
import { sendNoticeOnce } from './sendNoticeOnce';

/** What the outage digest talks to. */
interface OutageDeps {
  db: Kysely<Database>;
  ses: SESClient;
  from: string;
  configurationSet: string;
  appBaseUrl: string;
  clock: () => Date;
  log: Log;
  /** The operators' mailbox; outages never go to workers or facilities. */
  operatorEmail: string;
  thresholds?: OutageThresholds;
}

/** When a failing check counts as "unavailable for too long". */
interface OutageThresholds {
  /** Failures in a row. */
  consecutiveFailures: number;
  /** Time since the check last got an answer (or first failed). */
  failingForMs: number;
}

/** What one run of the outage digest did, by source. */
interface OutageReport {
  sources: Partial<Record<SourceId, number>>;
  sent: number;
  skipped: number;
  suppressed: number;
}

/**
 * Five failures in a row is past any passing blip (retries start at 15
 * minutes and double); a day without an answer is too long for a monthly
 * screening window whatever the count.
 */
const DEFAULT_THRESHOLDS: OutageThresholds = {
  consecutiveFailures: 5,
  failingForMs: 24 * 3_600_000,
};

interface FailingCheck {
  source: string;
  consecutive_failures: number;
  last_checked_at: Date | string | null;
  failing_since: Date | string | null;
}

// The failure run starts at the first failed result after the check's
// last answered one (or its first result, when it never got an answer).
const failingChecks = (db: Kysely<Database>) =>
  sql<FailingCheck>`
    select c.source, c.consecutive_failures, c.last_checked_at,
      (select min(r.checked_at) from results r
        where r.check_id = c.id and r.outcome = 'source_unavailable'
          and r.checked_at > coalesce(
            (select max(g.checked_at) from results g
              where g.check_id = c.id and g.outcome <> 'source_unavailable'),
            '-infinity'::timestamptz)) as failing_since
    from checks c
    where c.last_outcome = 'source_unavailable'`.execute(db);

const toTime = (value: Date | string | null): number | null =>
  value === null ? null : new Date(value).getTime();

/**
 * Emails operators, once per source per day, about sources whose checks
 * have been unavailable for too long (failures in a row, or time without
 * an answer, past the thresholds). The notice counts the checks and names
 * no worker and no credential.
 */
const notifySourceOutages = async (deps: OutageDeps): Promise<OutageReport> => {
  const thresholds = deps.thresholds ?? DEFAULT_THRESHOLDS;
  const now = deps.clock();
  const report: OutageReport = {
    sources: {},
    sent: 0,
    skipped: 0,
    suppressed: 0,
  };

  const { rows } = await failingChecks(deps.db);
  const bySource = new Map<
    SourceId,
    { count: number; streak: number; since: number | null; last: number }
  >();
  for (const row of rows) {
    const since = toTime(row.failing_since);
    const tooLong =
      row.consecutive_failures >= thresholds.consecutiveFailures ||
      (since !== null && now.getTime() - since >= thresholds.failingForMs);
    if (!tooLong || !isSourceId(row.source)) continue;
    const entry = bySource.get(row.source) ?? {
      count: 0,
      streak: 0,
      since: null,
      last: 0,
    };
    entry.count += 1;
    entry.streak = Math.max(entry.streak, row.consecutive_failures);
    entry.since =
      since === null ? entry.since : Math.min(entry.since ?? since, since);
    entry.last = Math.max(entry.last, toTime(row.last_checked_at) ?? 0);
    bySource.set(row.source, entry);
  }

  const day = now.toISOString().slice(0, 10);
  for (const [source, outage] of bySource) {
    report.sources[source] = outage.count;
    deps.log.warn('A source has been unavailable for too long', {
      event: 'source_outage',
      source,
      failing_checks: outage.count,
      longest_streak: outage.streak,
    });
    const status = await sendNoticeOnce(deps, {
      dedupeKey: `source_unavailable:${source}:${day}:operator`,
      recipientId: 'operators',
      about: { workerId: null, checkId: null, resultId: null },
      notice: {
        kind: 'source_unavailable',
        recipient: {
          role: 'operator',
          name: 'Rōvn operators',
          email: deps.operatorEmail,
        },
        source: { title: SOURCES[source].title },
        outcome: 'source_unavailable',
        findings: [],
        checkedAt: new Date(outage.last || now.getTime()).toISOString(),
        outage: {
          failingChecks: outage.count,
          longestStreak: Math.max(1, outage.streak),
          ...(outage.since === null
            ? {}
            : { failingSince: new Date(outage.since).toISOString() }),
        },
        appUrl: new URL(
          `/operations/sources/${encodeURIComponent(source)}`,
          deps.appBaseUrl,
        ).toString(),
      },
    });
    report[status] += 1;
  }

  return report;
};

export type { OutageDeps, OutageReport, OutageThresholds };
export { DEFAULT_THRESHOLDS as DEFAULT_OUTAGE_THRESHOLDS, notifySourceOutages };
