import { type Kysely, sql } from 'kysely';
import type { Database, NursysTransactionStatus } from './schema';

/** An open (`submitting` or `pending`) Nursys transaction of a check. */
interface OpenNursysTransaction {
  id: number;
  requestId: string;
  transactionId: string | null;
  status: 'submitting' | 'pending';
  submittedAt: Date;
  updatedAt: Date;
  submitReceiptKey: string | null;
}

const OPEN: NursysTransactionStatus[] = ['submitting', 'pending'];

/** True when a result is already stored for this request id. */
const hasResultForRequest = async (
  db: Kysely<Database>,
  requestId: string,
): Promise<boolean> => {
  const row = await db
    .selectFrom('results')
    .select('id')
    .where('request_id', '=', requestId)
    .executeTakeFirst();

  return row !== undefined;
};

/** The check's open transaction, if it has one. */
const openNursysTransaction = async (
  db: Kysely<Database>,
  checkId: string,
): Promise<OpenNursysTransaction | undefined> => {
  const row = await db
    .selectFrom('nursys_transactions')
    .selectAll()
    .where('check_id', '=', checkId)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }

  return {
    id: row.id,
    requestId: row.request_id,
    transactionId: row.transaction_id,
    status: row.status as OpenNursysTransaction['status'],
    submittedAt: new Date(row.submitted_at),
    updatedAt: new Date(row.updated_at),
    submitReceiptKey: row.submit_receipt_key,
  };
};

/**
 * Records that this request is about to submit a lookup for the check.
 * Only one open transaction per check can exist (partial unique index),
 * so of two concurrent deliveries one wins.
 *
 * @returns the new row's id, or null when the check already has an open
 *   transaction (read it with `openNursysTransaction`)
 */
const beginNursysSubmit = async (
  db: Kysely<Database>,
  input: { checkId: string; requestId: string; now: Date },
): Promise<number | null> => {
  const row = await db
    .insertInto('nursys_transactions')
    .values({
      check_id: input.checkId,
      request_id: input.requestId,
      transaction_id: null,
      status: 'submitting',
      submitted_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc.column('check_id').where('status', 'in', OPEN).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();

  return row?.id ?? null;
};

/**
 * Takes over a submit that another invocation began and never finished
 * (it crashed or timed out before the transaction id was stored).
 *
 * @returns true when this request now owns the submit
 */
const takeOverNursysSubmit = async (
  db: Kysely<Database>,
  input: { id: number; requestId: string; staleBefore: Date; now: Date },
): Promise<boolean> => {
  const result = await db
    .updateTable('nursys_transactions')
    .set({
      request_id: input.requestId,
      submitted_at: input.now,
      updated_at: input.now,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'submitting')
    .where('updated_at', '<', input.staleBefore)
    .executeTakeFirst();

  return Number(result.numUpdatedRows) === 1;
};

/** Stores the transaction id Nursys gave: the lookup is now pending. */
const markNursysPending = async (
  db: Kysely<Database>,
  input: {
    id: number;
    transactionId: string;
    submitReceiptKey: string;
    now: Date;
  },
): Promise<void> => {
  await db
    .updateTable('nursys_transactions')
    .set({
      status: 'pending',
      transaction_id: input.transactionId,
      submit_receipt_key: input.submitReceiptKey,
      updated_at: input.now,
    })
    .where('id', '=', input.id)
    .execute();
};

/** Counts one poll of a pending transaction. */
const countNursysPoll = async (
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<void> => {
  await db
    .updateTable('nursys_transactions')
    .set({ polls: sql`polls + 1`, updated_at: now })
    .where('id', '=', id)
    .execute();
};

/**
 * Closes a transaction: `complete` (the result arrived), `failed` (Nursys
 * refused it or the submit failed) or `abandoned` (pending too long).
 */
const closeNursysTransaction = async (
  db: Kysely<Database>,
  input: {
    id: number;
    status: 'complete' | 'failed' | 'abandoned';
    resultReceiptKey?: string | null;
    now: Date;
  },
): Promise<void> => {
  await db
    .updateTable('nursys_transactions')
    .set({
      status: input.status,
      updated_at: input.now,
      ...(input.resultReceiptKey === undefined
        ? {}
        : { result_receipt_key: input.resultReceiptKey }),
    })
    .where('id', '=', input.id)
    .execute();
};

/** Submits a check has made, oldest first (for tests and operators). */
const nursysTransactionsOf = async (db: Kysely<Database>, checkId: string) =>
  db
    .selectFrom('nursys_transactions')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('id')
    .execute();

export type { OpenNursysTransaction };
export {
  beginNursysSubmit,
  closeNursysTransaction,
  countNursysPoll,
  hasResultForRequest,
  markNursysPending,
  nursysTransactionsOf,
  openNursysTransaction,
  takeOverNursysSubmit,
};
