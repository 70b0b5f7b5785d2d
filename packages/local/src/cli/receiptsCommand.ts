import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  isSourceId,
  latestReceiptKey,
  OperationsError,
  RESOURCE_NAMES,
  type ReceiptVerification,
  ResourceNotFoundError,
  RovnError,
  SOURCE_IDS,
  verifyReceipt,
} from '@rovn/core';
import type { CliIo } from './cliIo';
import { type OperatorDeps, withOperatorStore } from './operatorDeps';
import type { OperatorTarget } from './operatorTarget';
import { TARGET_HELP } from './operatorTarget';
import { type CheckOwnArgs, parseOperatorArgs } from './parseOperatorArgs';
import { RECEIPT_KEY } from './replayArgs';

const USAGE = `Usage: pnpm rovn receipts verify <receipt-key> [options]
       pnpm rovn receipts verify --check <check-id> [options]

Re-reads a receipt and its manifest, recomputes the SHA-256, checks that
both are locked in GOVERNANCE mode until about seven years after the
manifest's fetchedAt, and prints the manifest. Exits 1 when it does not
verify. --check takes the receipt of the check's latest result that has
one, from the store (DATABASE_URL, else .rovn/local/pgdata).

  --bucket NAME  the receipts bucket (or env RECEIPTS_BUCKET; on the
                 emulator it defaults to <prefix>-${RESOURCE_NAMES.receiptsBucket};
                 on AWS see the Storage stack output ReceiptsBucketName)
  --json         print the whole verification as JSON

${TARGET_HELP}`;

/** S3 error names that mean "no such bucket" or "no such object". */
const MISSING = new Set(['NoSuchBucket', 'NoSuchKey', 'NotFound']);

const bucketFor = (
  target: OperatorTarget,
  flag: string | undefined,
  env: Record<string, string | undefined>,
): string => {
  const bucket = flag ?? (env.RECEIPTS_BUCKET || undefined);
  if (bucket !== undefined) return bucket;
  if (target.endpoint === undefined) {
    throw new OperationsError(
      'On AWS the bucket name is generated: pass --bucket (the Storage stack output ReceiptsBucketName) or set RECEIPTS_BUCKET',
    );
  }

  return target.prefix
    ? `${target.prefix}-${RESOURCE_NAMES.receiptsBucket}`
    : RESOURCE_NAMES.receiptsBucket;
};

/** Turns S3's "missing" answers, wrapped by core, into a clear error. */
const explainMissing = (error: unknown, bucket: string, key: string) => {
  const cause = error instanceof Error ? error.cause : undefined;
  const name = cause instanceof Error ? cause.name : '';
  if (!MISSING.has(name)) return error;

  return new ResourceNotFoundError(
    name === 'NoSuchBucket' || key === ''
      ? `Bucket ${bucket} does not exist: check --bucket, --stage or --prefix`
      : `Receipt ${key} (or its manifest) is not in bucket ${bucket}`,
    { cause, context: { bucket, receipt_key: key } },
  );
};

const formatVerification = (v: ReceiptVerification): string => {
  const lock = (l: ReceiptVerification['lock']) =>
    `${l.mode ?? 'none'} until ${l.retainUntil?.toISOString() ?? '-'}`;
  const lines = [
    `${v.verified ? 'VERIFIED' : 'NOT VERIFIED'} ${v.key}`,
    `  sha256    ${v.sha256.actual}${v.sha256.actual === v.sha256.expected ? ' (matches the key)' : ` (key says ${v.sha256.expected})`}`,
    `  lock      receipt ${lock(v.lock)}; manifest ${lock(v.manifestLock)}`,
    `  expected  GOVERNANCE until about ${v.expectedRetainUntil.toISOString()}`,
    ...v.problems.map((problem) => `  problem   ${problem}`),
    `manifest ${v.manifestKey}:`,
    JSON.stringify(v.manifest, null, 2),
  ];

  return `${lines.join('\n')}\n`;
};

/** The receipts command's own arguments: a receipt key or a check id. */
type ReceiptsArgs = { key: string } | { checkId: string };

const resolveKey = async (
  args: ReceiptsArgs,
  deps: OperatorDeps,
): Promise<string> => {
  if ('key' in args) return args.key;
  const { checkId } = args;

  return withOperatorStore(deps, async (db) => {
    if (db === undefined) {
      throw new OperationsError(
        '--check needs the store: set DATABASE_URL or run pnpm local first (.rovn/local/pgdata)',
      );
    }
    const latest = await latestReceiptKey(db, checkId);
    if (latest === null) {
      throw new ResourceNotFoundError(
        `Check ${checkId} has no result that names a receipt`,
        { context: { check_id: checkId } },
      );
    }

    return latest.receiptKey;
  });
};

/** Checks the subcommand and the receipt key's shape and source. */
const checkReceiptsArgs: CheckOwnArgs<ReceiptsArgs> = (positionals, values) => {
  const [sub, key, ...extra] = positionals;
  const check = typeof values.check === 'string' ? values.check : undefined;
  if (sub !== 'verify') {
    return {
      problem:
        sub === undefined
          ? 'missing subcommand (expected verify)'
          : `unknown subcommand ${sub} (expected verify)`,
    };
  }
  if (check !== undefined && key === undefined && extra.length === 0) {
    return { args: { checkId: check } };
  }
  if (key === undefined || check !== undefined || extra.length > 0) {
    return { problem: 'pass either one receipt key or --check <check-id>' };
  }

  const source = RECEIPT_KEY.exec(key)?.[1];
  if (source === undefined) {
    return {
      problem: `not a receipt key: expected receipts/<source>/<sha256>, got ${key}`,
    };
  }
  if (!isSourceId(source)) {
    return {
      problem: `unknown source ${source} (expected one of ${SOURCE_IDS.join(', ')})`,
    };
  }

  return { args: { key } };
};

/**
 * `rovn receipts verify <key> | --check <id>`: proves a stored receipt is
 * intact and locked. Returns 0 when it verifies, 1 when it does not or a
 * resource is missing, 2 for bad arguments (an unknown subcommand, or a
 * key that is not a receipt key of a known source).
 *
 * @param argv - the arguments after `receipts`
 * @param io - where to write
 * @param deps - store and environment (production defaults)
 */
const runReceiptsCommand = async (
  argv: string[],
  io: CliIo,
  deps: OperatorDeps = {},
): Promise<number> => {
  const env = deps.env ?? process.env;
  const parsed = parseOperatorArgs(
    argv,
    env,
    {
      check: { type: 'string' },
      bucket: { type: 'string' },
      json: { type: 'boolean' },
    },
    checkReceiptsArgs,
  );
  if (parsed.kind === 'help') {
    io.stdout(USAGE);

    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${USAGE}`);

    return 2;
  }

  const s3 = new S3Client(parsed.target.clientConfig);
  let bucket = '';
  let receiptKey = '';
  try {
    const bucketFlag = parsed.values.bucket;
    bucket = bucketFor(
      parsed.target,
      typeof bucketFlag === 'string' ? bucketFlag : undefined,
      env,
    );
    await s3
      .send(new HeadBucketCommand({ Bucket: bucket }))
      .catch((error: unknown) => {
        throw explainMissing(
          new OperationsError('HeadBucket failed', { cause: error }),
          bucket,
          '',
        );
      });
    receiptKey = await resolveKey(parsed.args, deps);
    const verification = await verifyReceipt({ s3, bucket }, receiptKey).catch(
      (error: unknown) => {
        throw explainMissing(error, bucket, receiptKey);
      },
    );
    io.stdout(
      parsed.values.json === true
        ? `${JSON.stringify(verification, null, 2)}\n`
        : formatVerification(verification),
    );

    return verification.verified ? 0 : 1;
  } catch (error) {
    if (!(error instanceof RovnError)) throw error;
    io.stderr(`${error.name}: ${error.message}\n`);

    return 1;
  } finally {
    s3.destroy();
  }
};

export { runReceiptsCommand };
