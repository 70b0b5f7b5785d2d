import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The receipt key of the newest result of a check that has one, or null
 * when no result of the check names a receipt.
 *
 * @param db - the store
 * @param checkId - the check to look up
 */
const latestReceiptKey = async (
  db: Kysely<Database>,
  checkId: string,
): Promise<{ resultId: string; receiptKey: string } | null> => {
  const row = await db
    .selectFrom('results')
    .select(['id', 'receipt_key'])
    .where('check_id', '=', checkId)
    .where('receipt_key', 'is not', null)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

  return row?.receipt_key
    ? { resultId: row.id, receiptKey: row.receipt_key }
    : null;
};

export { latestReceiptKey };
