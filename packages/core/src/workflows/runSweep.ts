import type { SNSClient } from '@aws-sdk/client-sns';
import type { Kysely } from 'kysely';
import type { VerificationRequested } from '../events/contracts';
import type { Log } from '../log/logger';
import {
  type PublishOutcome,
  publishRequests,
} from '../messaging/publishRequests';
import {
  type ClaimedCheck,
  claimDueChecks,
  releaseClaims,
} from '../store/claimDueChecks';
import type { Database } from '../store/schema';

interface SweepDeps {
  db: Kysely<Database>;
  sns: SNSClient;
  topicArn: string;
  clock: () => Date;
  log: Log;
  /** Milliseconds the invocation has left (Lambda's context). */
  remainingMs: () => number;
  /** Publishes one page of requests; SNS batch calls by default. */
  publish?: (
    requests: readonly VerificationRequested[],
  ) => Promise<PublishOutcome>;
}

interface SweepOptions {
  pageSize?: number;
  /** Must exceed an adapter's worst case: every retry of its message. */
  leaseMs?: number;
  /**
   * Stop claiming when less than this is left of the invocation; it must
   * cover publishing two pages (the current one and the one claimed ahead).
   */
  reserveMs?: number;
  /** SNS batch calls in flight at once (default 8). */
  publishConcurrency?: number;
}

interface SweepReport {
  claimed: number;
  published: number;
  released: number;
  pages: number;
  /** True when time ran short and due checks were left for the next run. */
  stoppedEarly: boolean;
}

/** The sweep's settings when the caller gives none. */
const SWEEP_DEFAULTS = {
  pageSize: 500,
  leaseMs: 60 * 60_000,
  reserveMs: 15_000,
  publishConcurrency: 8,
};

/** The request message for one claimed check. */
const requestForClaim = (
  claim: ClaimedCheck,
  now: Date,
): VerificationRequested => ({
  type: 'verification.requested',
  requestId: claim.requestId,
  checkId: claim.checkId,
  source: claim.source,
  workerId: claim.workerId,
  credentialId: claim.credentialId,
  dueAt: claim.dueAt.toISOString(),
  requestedAt: now.toISOString(),
});

/** One claimed page and the time it was claimed at. */
interface ClaimedPage {
  claims: ClaimedCheck[];
  now: Date;
}

/**
 * Claims due checks page by page and publishes one request for each.
 *
 * It stops before the invocation's time runs out and leaves the rest for
 * the next run. While a page is being published the next one is claimed,
 * so the database and SNS work at the same time; at most two pages are
 * held in memory. A request SNS did not accept has its claim given back
 * at once, and so has the page claimed ahead when the sweep stops on a
 * failure, so no check stays claimed without a message in flight. If the
 * sweep dies between claim and publish, its claims (up to two pages) come
 * back when their lease runs out: nothing is lost, and nothing is
 * published twice while a lease holds.
 */
const runSweep = async (
  deps: SweepDeps,
  options: SweepOptions = {},
): Promise<SweepReport> => {
  const { pageSize, leaseMs, reserveMs, publishConcurrency } = {
    ...SWEEP_DEFAULTS,
    ...options,
  };
  const publish =
    deps.publish ??
    ((requests: readonly VerificationRequested[]) =>
      publishRequests(deps.sns, deps.topicArn, requests, {
        concurrency: publishConcurrency,
      }));
  const report: SweepReport = {
    claimed: 0,
    published: 0,
    released: 0,
    pages: 0,
    stoppedEarly: false,
  };
  const claimPage = async (): Promise<ClaimedPage | null> => {
    if (deps.remainingMs() < reserveMs) {
      report.stoppedEarly = true;

      return null;
    }
    const now = deps.clock();
    const claims = await claimDueChecks(deps.db, {
      now,
      limit: pageSize,
      leaseMs,
    });
    if (claims.length === 0) return null;
    report.pages += 1;
    report.claimed += claims.length;

    return { claims, now };
  };
  // A page claimed ahead that will not be published goes back at once.
  // Best effort: if that fails too, its lease brings it back later.
  const giveBack = async (
    ahead: Promise<ClaimedPage | null>,
  ): Promise<void> => {
    try {
      const page = await ahead;
      if (page === null) return;
      report.released += await releaseClaims(deps.db, page.claims);
    } catch (error) {
      deps.log.warn('Could not give back the page claimed ahead', { error });
    }
  };

  let page = await claimPage();
  let published = 0;
  while (page !== null) {
    const { claims, now } = page;
    const ahead = claimPage();
    // Awaited below; this only keeps a failed claim from being reported
    // as unhandled while the publish is still running.
    ahead.catch(() => undefined);

    const outcome = await publish(
      claims.map((claim) => requestForClaim(claim, now)),
    ).catch(async (error: unknown) => {
      await giveBack(ahead);
      throw error;
    });
    report.published += outcome.published.length;
    if (outcome.failed.length > 0) {
      const failedIds = new Set(outcome.failed.map((f) => f.requestId));
      report.released += await releaseClaims(
        deps.db,
        claims.filter((claim) => failedIds.has(claim.requestId)),
      );
      await giveBack(ahead);
      deps.log.warn('Some requests were not published; claims released', {
        failed: outcome.failed.length,
        reasons: [...new Set(outcome.failed.map((f) => f.reason))],
      });
      break;
    }
    published += 1;
    deps.log.info('Sweep page published', {
      page: published,
      claimed: claims.length,
    });
    page = await ahead;
  }

  return report;
};

export type { SweepDeps, SweepOptions, SweepReport };
export { requestForClaim, runSweep, SWEEP_DEFAULTS };
