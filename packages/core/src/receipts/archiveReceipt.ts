import {
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { RECEIPT_RETENTION_YEARS } from '../topology/resources';
import { ReceiptError } from './errors';
import type { ReceiptManifest } from './manifest';
import { manifestKeyFor, receiptKeyFor, sha256Of } from './receiptKeys';

/** One source response to archive. */
interface ReceiptInput {
  source: string;
  body: Uint8Array;
  status: number;
  contentType: string;
  request: { method: string; url: string };
  fetchedAt: Date;
  adapterVersion: string;
}

interface ArchivedReceipt {
  key: string;
  manifestKey: string;
  manifest: ReceiptManifest;
  /** False when the same bytes were already archived. */
  created: boolean;
}

interface ReceiptTarget {
  s3: S3Client;
  bucket: string;
}

/** `fetchedAt` plus the retention period, in UTC calendar years. */
const retainUntil = (fetchedAt: Date): Date => {
  const until = new Date(fetchedAt);
  until.setUTCFullYear(until.getUTCFullYear() + RECEIPT_RETENTION_YEARS);

  return until;
};

/**
 * Writes the raw bytes and their manifest to the WORM bucket.
 *
 * Each object is written once (`If-None-Match: *`), with its SHA-256 as
 * the S3 checksum and Object Lock GOVERNANCE until seven years after the
 * fetch. A 412 means the same bytes are already archived: that is success.
 */
const archiveReceipt = async (
  { s3, bucket }: ReceiptTarget,
  input: ReceiptInput,
): Promise<ArchivedReceipt> => {
  const digest = sha256Of(input.body);
  const key = receiptKeyFor(input.source, digest.hex);
  const manifestKey = manifestKeyFor(input.source, digest.hex);
  const manifest: ReceiptManifest = {
    version: 1,
    key,
    source: input.source,
    sha256: digest.hex,
    sizeBytes: input.body.byteLength,
    contentType: input.contentType,
    status: input.status,
    request: input.request,
    fetchedAt: input.fetchedAt.toISOString(),
    adapterVersion: input.adapterVersion,
  };
  const until = retainUntil(input.fetchedAt);

  const created = await putOnce(s3, {
    Bucket: bucket,
    Key: key,
    Body: input.body,
    ContentType: input.contentType || 'application/octet-stream',
    ChecksumAlgorithm: 'SHA256',
    ChecksumSHA256: digest.base64,
    ObjectLockMode: 'GOVERNANCE',
    ObjectLockRetainUntilDate: until,
  });
  const manifestBody = new TextEncoder().encode(JSON.stringify(manifest));
  await putOnce(s3, {
    Bucket: bucket,
    Key: manifestKey,
    Body: manifestBody,
    ContentType: 'application/json',
    ChecksumAlgorithm: 'SHA256',
    ChecksumSHA256: sha256Of(manifestBody).base64,
    ObjectLockMode: 'GOVERNANCE',
    ObjectLockRetainUntilDate: until,
  });

  return { key, manifestKey, manifest, created };
};

type PutInput = ConstructorParameters<typeof PutObjectCommand>[0];

const putOnce = async (s3: S3Client, input: PutInput): Promise<boolean> => {
  try {
    await s3.send(new PutObjectCommand({ ...input, IfNoneMatch: '*' }));

    return true;
  } catch (error) {
    if (isPreconditionFailed(error)) return false;
    throw new ReceiptError(`Could not archive receipt ${input.Key}`, {
      cause: error,
      context: { receipt_key: input.Key ?? '' },
    });
  }
};

const isPreconditionFailed = (error: unknown): boolean =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 412 ||
    error.name === 'PreconditionFailed');

export type { ArchivedReceipt, ReceiptInput, ReceiptTarget };
export { archiveReceipt, retainUntil };
