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
  /** Stop claiming when less than this is left of the invocation. */
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

const DEFAULTS = {
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

/**
 * Claims due checks page by page and publishes one request for each.
 *
 * It stops before the invocation's time runs out and leaves the rest for
 * the next run. A request SNS did not accept has its claim given back at
 * once, so no check stays claimed without a message in flight. If the
 * sweep dies between claim and publish, its claims come back when their
 * lease runs out: nothing is lost, and nothing is published twice while
 * a lease holds. Only one page is held in memory at a time.
 */
const runSweep = async (
  deps: SweepDeps,
  options: SweepOptions = {},
): Promise<SweepReport> => {
  const { pageSize, leaseMs, reserveMs, publishConcurrency } = {
    ...DEFAULTS,
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

  while (true) {
    if (deps.remainingMs() < reserveMs) {
      report.stoppedEarly = true;
      break;
    }
    const now = deps.clock();
    const claims = await claimDueChecks(deps.db, {
      now,
      limit: pageSize,
      leaseMs,
    });
    if (claims.length === 0) break;
    report.pages += 1;
    report.claimed += claims.length;

    const outcome = await publish(
      claims.map((claim) => requestForClaim(claim, now)),
    );
    report.published += outcome.published.length;
    if (outcome.failed.length > 0) {
      const failedIds = new Set(outcome.failed.map((f) => f.requestId));
      report.released += await releaseClaims(
        deps.db,
        claims.filter((claim) => failedIds.has(claim.requestId)),
      );
      deps.log.warn('Some requests were not published; claims released', {
        failed: outcome.failed.length,
        reasons: [...new Set(outcome.failed.map((f) => f.reason))],
      });
      break;
    }
    deps.log.info('Sweep page published', {
      page: report.pages,
      claimed: claims.length,
    });
  }

  return report;
};

export type { SweepDeps, SweepOptions, SweepReport };
export { requestForClaim, runSweep };
