import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nextDueAt } from '../cadence/nextDueAt';
import { VERIFIED_OUTCOMES } from '../cadence/policy';
import type { Classification } from '../domain/classification';
import type { Finding } from '../domain/finding';
import type { Outcome } from '../domain/outcome';
import type { SourceId } from '../topology/sources';
import { parseRequestId } from './claimDueChecks';
import { NotFoundError, StoreError } from './errors';
import type { Database } from './schema';

interface RecordResultInput {
  requestId: string;
  source: SourceId;
  classification: Classification;
  receiptKey: string | null;
  adapterVersion: string;
  checkedAt: Date;
  random?: () => number;
}

/** A stored result, as the adapter reports it onwards. */
interface RecordedResult {
  resultId: string;
  checkId: string;
  outcome: Outcome;
  previousOutcome: Outcome | null;
  changed: boolean;
  findings: Finding[];
  receiptKey: string | null;
  checkedAt: Date;
  /** True when this request already had a result (a redelivery). */
  duplicate: boolean;
}

/** The later of the cadence's time and the source's `notBefore`. */
const notSooner = (due: Date, notBefore: string | undefined): Date => {
  const floor = notBefore === undefined ? Number.NaN : Date.parse(notBefore);

  return Number.isNaN(floor) || floor <= due.getTime() ? due : new Date(floor);
};

/**
 * Stores the result of one request and moves its check to the next due
 * time, in one transaction. At most one result exists per request: a
 * redelivered message gets the stored result back with `duplicate` set.
 *
 * The lease is cleared only when it is still this request's, so a late
 * message from an expired claim cannot release a newer sweep's claim.
 *
 * An expiration date the classification reports (`expiresOn`) replaces
 * the credential's `expires_on` when it differs, before the next due time
 * is planned from it, so the check comes back on the policy's expiry days
 * and the expiry reminders see the date. A classification without one
 * leaves the stored date as it is (one typed in stays).
 */
const recordResult = async (
  db: Kysely<Database>,
  input: RecordResultInput,
): Promise<RecordedResult> => {
  const parsed = parseRequestId(input.requestId);
  if (parsed === null) {
    throw new StoreError('Request id is not of the form <check>:<lease>', {
      context: { request_id: input.requestId },
    });
  }

  return db.transaction().execute(async (trx) => {
    const check = await trx
      .selectFrom('checks')
      .selectAll()
      .where('id', '=', parsed.checkId)
      .forUpdate()
      .executeTakeFirst();
    if (check === undefined) {
      throw new NotFoundError('No check for this request', {
        context: { check_id: parsed.checkId },
      });
    }

    const existing = await trx
      .selectFrom('results')
      .selectAll()
      .where('request_id', '=', input.requestId)
      .executeTakeFirst();
    if (existing !== undefined) {
      return {
        resultId: existing.id,
        checkId: existing.check_id,
        outcome: existing.outcome,
        previousOutcome: existing.previous_outcome,
        changed: existing.outcome !== existing.previous_outcome,
        findings: existing.findings as Finding[],
        receiptKey: existing.receipt_key,
        checkedAt: new Date(existing.checked_at),
        duplicate: true,
      };
    }

    const credential = await trx
      .selectFrom('credentials')
      .select(['kind', 'expires_on'])
      .where('id', '=', check.credential_id)
      .executeTakeFirstOrThrow();
    const expiresOn = input.classification.expiresOn ?? credential.expires_on;
    if (expiresOn !== credential.expires_on) {
      await trx
        .updateTable('credentials')
        .set({ expires_on: expiresOn })
        .where('id', '=', check.credential_id)
        .execute();
    }

    const { outcome, findings } = input.classification;
    const verified = VERIFIED_OUTCOMES.includes(outcome);
    const failures =
      outcome === 'source_unavailable' ? check.consecutive_failures + 1 : 0;
    const resultId = randomUUID();
    await trx
      .insertInto('results')
      .values({
        id: resultId,
        request_id: input.requestId,
        check_id: check.id,
        source: input.source,
        outcome,
        previous_outcome: check.last_outcome,
        findings: JSON.stringify(findings),
        receipt_key: input.receiptKey,
        adapter_version: input.adapterVersion,
        checked_at: input.checkedAt,
      })
      .execute();

    const ownsLease = check.lease_id === parsed.leaseId;
    await trx
      .updateTable('checks')
      .set({
        last_outcome: outcome,
        last_result_id: resultId,
        last_checked_at: input.checkedAt,
        consecutive_failures: failures,
        ...(verified ? { last_verified_at: input.checkedAt } : {}),
        next_due_at: notSooner(
          nextDueAt({
            source: input.source,
            credentialKind: credential.kind,
            expiresOn,
            outcome,
            consecutiveFailures: failures,
            now: input.checkedAt,
            ...(input.random === undefined ? {} : { random: input.random }),
          }),
          input.classification.notBefore,
        ),
        ...(ownsLease ? { lease_id: null, lease_expires_at: null } : {}),
      })
      .where('id', '=', check.id)
      .execute();

    return {
      resultId,
      checkId: check.id,
      outcome,
      previousOutcome: check.last_outcome,
      changed: outcome !== check.last_outcome,
      findings,
      receiptKey: input.receiptKey,
      checkedAt: input.checkedAt,
      duplicate: false,
    };
  });
};

export type { RecordedResult, RecordResultInput };
export { recordResult };
