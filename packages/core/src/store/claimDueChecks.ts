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

interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the claim holds before another sweep may take the check. */
  leaseMs: number;
}

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

  const { rows } = await sql<{
    id: string;
    credential_id: string;
    worker_id: string;
    source: string;
    next_due_at: Date | string;
  }>`
    with due as (
      select id from checks
      where next_due_at <= ${now}
        and (lease_expires_at is null or lease_expires_at <= ${now})
      order by next_due_at
      limit ${limit}
      for update skip locked
    )
    update checks c
    set lease_id = ${leaseId}, lease_expires_at = ${leaseExpiresAt}
    from due
    where c.id = due.id
    returning c.id, c.credential_id, c.worker_id, c.source, c.next_due_at
  `.execute(db);

  return rows.map((row) => ({
    checkId: row.id,
    credentialId: row.credential_id,
    workerId: row.worker_id,
    source: row.source as SourceId,
    dueAt: new Date(row.next_due_at),
    leaseId,
    requestId: `${row.id}:${leaseId}`,
  }));
};

/**
 * Gives claims back when their request could not be published, so the
 * next sweep takes them at once instead of after the lease.
 */
const releaseClaims = async (
  db: Kysely<Database>,
  claims: readonly Pick<ClaimedCheck, 'checkId' | 'leaseId'>[],
): Promise<number> => {
  let released = 0;
  for (const claim of claims) {
    const result = await db
      .updateTable('checks')
      .set({ lease_id: null, lease_expires_at: null })
      .where('id', '=', claim.checkId)
      .where('lease_id', '=', claim.leaseId)
      .executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }

  return released;
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

export type { ClaimedCheck, ClaimOptions };
export { claimDueChecks, parseRequestId, releaseClaims };
