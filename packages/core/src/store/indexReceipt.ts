import type { Kysely } from 'kysely';
import type { ReceiptManifest } from '../receipts/manifest';
import type { Database } from './schema';

/**
 * Records an archived receipt in the index; the same key twice is a no-op,
 * because the first fetch of those bytes is the one the manifest names.
 */
const indexReceipt = async (
  db: Kysely<Database>,
  manifest: ReceiptManifest,
  manifestKey: string,
): Promise<void> => {
  await db
    .insertInto('receipts')
    .values({
      key: manifest.key,
      manifest_key: manifestKey,
      source: manifest.source,
      sha256: manifest.sha256,
      size_bytes: manifest.sizeBytes,
      content_type: manifest.contentType,
      fetched_at: manifest.fetchedAt,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
};

export { indexReceipt };
