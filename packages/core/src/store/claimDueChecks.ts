import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { SourceId } from '../topology/sources';
import type { Database } from './schema';

/** A check the sweep has leased and must publish a request for. */
interface ClaimedCheck {
  checkId: string;
  credentialId: string;
  workerId: string;
  source: SourceId;
  dueAt: Date;
  leaseId: string;
  /** `<checkId>:<leaseId>`: unique per claim, the result's idempotency key. */
  requestId: string;
}

/** How many due checks to claim, at what time, for how long. */
interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the claim holds before another sweep may take the check. */
  leaseMs: number;
}

/** Inputs of {@link dueClaimQuery}: the page and the lease it sets. */
interface DueClaimQuery {
  now: Date;
  limit: number;
  leaseId: string;
  leaseExpiresAt: Date;
}

/**
 * The claim statement, exported so a test can check its plan.
 *
 * A claim also moves `next_due_at` to the lease's expiry: claimed checks
 * leave the due range, so every page is one index range scan over
 * unclaimed checks only (the table can grow without pages slowing down),
 * and a crashed sweep's checks come back into the range by themselves
 * when the lease runs out. The lease test stays as a guard for checks
 * made due while a request is in flight.
 */
const dueClaimQuery = ({
  now,
  limit,
  leaseId,
  leaseExpiresAt,
}: DueClaimQuery) =>
  sql<{
    id: string;
    credential_id: string;
    worker_id: string;
    source: string;
    due_at: Date | string;
  }>`
    with due as (
      select id, next_due_at from checks
      where next_due_at <= ${now}
        and (lease_expires_at is null or lease_expires_at <= ${now})
      order by next_due_at
      limit ${limit}
      for update skip locked
    )
    update checks c
    set lease_id = ${leaseId},
      lease_expires_at = ${leaseExpiresAt},
      next_due_at = ${leaseExpiresAt}
    from due
    where c.id = due.id
    returning c.id, c.credential_id, c.worker_id, c.source,
      due.next_due_at as due_at
  `;

/**
 * Leases up to `limit` due checks, oldest first, in one statement.
 *
 * `FOR UPDATE SKIP LOCKED` lets sweeps run side by side without taking the
 * same row; the lease makes a crashed sweep's checks due again once it
 * expires, so nothing is lost.
 */
const claimDueChecks = async (
  db: Kysely<Database>,
  { now, limit, leaseMs }: ClaimOptions,
): Promise<ClaimedCheck[]> => {
  const leaseId = randomUUID();
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);

  const { rows } = await dueClaimQuery({
    now,
    limit,
    leaseId,
    leaseExpiresAt,
  }).execute(db);

  return rows.map((row) => ({
    checkId: row.id,
    credentialId: row.credential_id,
    workerId: row.worker_id,
    source: row.source as SourceId,
    dueAt: new Date(row.due_at),
    leaseId,
    requestId: `${row.id}:${leaseId}`,
  }));
};

/**
 * Gives claims back when their request could not be published, in one
 * statement: each check is due again at its old due time, so the next
 * sweep takes it at once, in its old place. A claim that is no longer
 * this lease's is left alone.
 */
const releaseClaims = async (
  db: Kysely<Database>,
  claims: readonly Pick<ClaimedCheck, 'checkId' | 'leaseId' | 'dueAt'>[],
): Promise<number> => {
  if (claims.length === 0) return 0;
  const ids = claims.map((c) => c.checkId);
  const leases = claims.map((c) => c.leaseId);
  const dues = claims.map((c) => c.dueAt.toISOString());

  const result = await sql`
    update checks c
    set lease_id = null, lease_expires_at = null, next_due_at = r.due_at
    from unnest(
      ${ids}::text[], ${leases}::text[], ${dues}::timestamptz[]
    ) as r(id, lease_id, due_at)
    where c.id = r.id and c.lease_id = r.lease_id
  `.execute(db);

  return Number(result.numAffectedRows ?? 0);
};

/** Splits a request id back into its check and lease. */
const parseRequestId = (
  requestId: string,
): { checkId: string; leaseId: string } | null => {
  const at = requestId.lastIndexOf(':');
  if (at <= 0 || at === requestId.length - 1) return null;

  return {
    checkId: requestId.slice(0, at),
    leaseId: requestId.slice(at + 1),
  };
};

export type { ClaimedCheck, ClaimOptions, DueClaimQuery };
export { claimDueChecks, dueClaimQuery, parseRequestId, releaseClaims };
