import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { ReceiptTarget } from './archiveReceipt';
import { ReceiptError } from './errors';
import { type ReceiptManifest, receiptManifestSchema } from './manifest';
import { manifestKeyFor, sha256Of } from './receiptKeys';

/** A receipt read back, with what its lock says. */
interface ReadReceipt {
  body: Uint8Array;
  manifest: ReceiptManifest;
  lock: { mode: string | null; retainUntil: Date | null };
  /** True when the bytes still hash to the key they are stored under. */
  intact: boolean;
}

/**
 * Reads a receipt and its manifest, recomputes the SHA-256 and reports the
 * Object Lock state (from HeadObject, which every S3 implementation
 * answers; the emulator's GetObjectRetention does not parse).
 */
const readReceipt = async (
  { s3, bucket }: ReceiptTarget,
  key: string,
): Promise<ReadReceipt> => {
  const match = /^receipts\/([^/]+)\/([0-9a-f]{64})$/.exec(key);
  if (match === null) {
    throw new ReceiptError('Not a receipt key (receipts/<source>/<sha256>)', {
      context: { receipt_key: key },
    });
  }
  const [, source = '', hex = ''] = match;

  try {
    const [object, head, manifestObject] = await Promise.all([
      s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })),
      s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
      s3.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: manifestKeyFor(source, hex),
        }),
      ),
    ]);
    const body = await object.Body?.transformToByteArray();
    const manifestText = await manifestObject.Body?.transformToString();
    if (body === undefined || manifestText === undefined) {
      throw new ReceiptError('Receipt or manifest has no body', {
        context: { receipt_key: key },
      });
    }

    return {
      body,
      manifest: receiptManifestSchema.parse(JSON.parse(manifestText)),
      lock: {
        mode: head.ObjectLockMode ?? null,
        retainUntil: head.ObjectLockRetainUntilDate ?? null,
      },
      intact: sha256Of(body).hex === hex,
    };
  } catch (error) {
    if (error instanceof ReceiptError) throw error;
    throw new ReceiptError(`Could not read receipt ${key}`, {
      cause: error,
      context: { receipt_key: key },
    });
  }
};

export type { ReadReceipt };
export { readReceipt };
