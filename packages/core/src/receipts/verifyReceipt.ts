import {
  HeadObjectCommand,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import type { ReceiptTarget } from './archiveReceipt';
import { retainUntil } from './archiveReceipt';
import { ReceiptError } from './errors';
import type { ReceiptManifest } from './manifest';
import { readReceipt } from './readReceipt';
import { manifestKeyFor, sha256Of } from './receiptKeys';

const DAY_MS = 86_400_000;

/**
 * How far a retain-until date may sit from fetchedAt + 7 years. Earlier
 * by more than a day means the lock ends too soon; later by more than two
 * days means someone changed it, which an operator should look into.
 */
const RETENTION_TOLERANCE = { shortMs: DAY_MS, longMs: 2 * DAY_MS };

/** Object Lock state of one object. */
interface LockState {
  mode: string | null;
  retainUntil: Date | null;
}

/** The outcome of re-checking one receipt; `verified` only if no problem. */
interface ReceiptVerification {
  key: string;
  manifestKey: string;
  manifest: ReceiptManifest;
  sha256: { expected: string; actual: string };
  lock: LockState;
  manifestLock: LockState;
  expectedRetainUntil: Date;
  problems: string[];
  verified: boolean;
}

const lockProblems = (
  what: string,
  lock: LockState,
  expected: Date,
): string[] => {
  if (lock.mode !== 'GOVERNANCE') {
    return [`${what} lock mode is ${lock.mode ?? 'none'}, not GOVERNANCE`];
  }
  if (lock.retainUntil === null) return [`${what} has no retain-until date`];

  const offset = lock.retainUntil.getTime() - expected.getTime();
  if (offset < -RETENTION_TOLERANCE.shortMs) {
    return [
      `${what} is retained until ${lock.retainUntil.toISOString()}, before ${expected.toISOString()} (fetchedAt + retention)`,
    ];
  }
  if (offset > RETENTION_TOLERANCE.longMs) {
    return [
      `${what} is retained until ${lock.retainUntil.toISOString()}, later than ${expected.toISOString()}: retention was changed`,
    ];
  }

  return [];
};

/**
 * Re-reads a receipt and checks everything an auditor relies on: the
 * bytes still hash to their key, the manifest describes this receipt, and
 * both objects are locked in GOVERNANCE mode until about seven years after
 * the fetch.
 *
 * @param target - S3 client and bucket
 * @param key - a receipt key, `receipts/<source>/<sha256>`
 */
const verifyReceipt = async (
  target: ReceiptTarget,
  key: string,
): Promise<ReceiptVerification> => {
  const receipt = await readReceipt(target, key);
  const { manifest } = receipt;
  const expectedHex = key.slice(key.lastIndexOf('/') + 1);
  const manifestKey = manifestKeyFor(manifest.source, expectedHex);
  let manifestHead: HeadObjectCommandOutput;
  try {
    manifestHead = await target.s3.send(
      new HeadObjectCommand({ Bucket: target.bucket, Key: manifestKey }),
    );
  } catch (error) {
    throw new ReceiptError(
      `Could not read the lock of manifest ${manifestKey}`,
      {
        cause: error,
        context: { receipt_key: key },
      },
    );
  }
  const manifestLock: LockState = {
    mode: manifestHead.ObjectLockMode ?? null,
    retainUntil: manifestHead.ObjectLockRetainUntilDate ?? null,
  };
  const actual = sha256Of(receipt.body).hex;
  const expectedRetainUntil = retainUntil(new Date(manifest.fetchedAt));

  const problems = [
    ...(actual === expectedHex
      ? []
      : [`bytes hash to ${actual}, not to the key's ${expectedHex}`]),
    ...(manifest.key === key ? [] : [`manifest names ${manifest.key}`]),
    ...(manifest.sha256 === expectedHex
      ? []
      : [`manifest sha256 is ${manifest.sha256}`]),
    ...(manifest.sizeBytes === receipt.body.byteLength
      ? []
      : [
          `manifest says ${manifest.sizeBytes} bytes, receipt has ${receipt.body.byteLength}`,
        ]),
    ...lockProblems('receipt', receipt.lock, expectedRetainUntil),
    ...lockProblems('manifest', manifestLock, expectedRetainUntil),
  ];

  return {
    key,
    manifestKey,
    manifest,
    sha256: { expected: expectedHex, actual },
    lock: receipt.lock,
    manifestLock,
    expectedRetainUntil,
    problems,
    verified: problems.length === 0,
  };
};

export type { LockState, ReceiptVerification };
export { RETENTION_TOLERANCE, verifyReceipt };
