import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { StackContext } from 'sst/constructs';
import { RECEIPT_RETENTION_YEARS } from '../packages/core/src/topology';
import { RECEIPT_READER_TAG, RECEIPT_WRITER_TAG } from './receiptWriterTag';

/** Actions no one but the break-glass role may take on receipts. */
const LOCK_GUARDED_ACTIONS = [
  's3:BypassGovernanceRetention',
  's3:DeleteObject*',
  's3:PutBucketObjectLockConfiguration',
];

/**
 * Object data actions only the functions (tagged writers), the auditor
 * role (tagged reader) and break-glass may use on the receipts bucket.
 */
const RECEIPT_DATA_ACTIONS = [
  's3:GetObject*',
  's3:PutObject',
  's3:ListBucket*',
];

/** What the auditor role needs for `pnpm rovn receipts verify`. */
const AUDITOR_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectRetention',
  's3:ListBucket',
];

/** What break-glass needs to lift a lock and remove a receipt. */
const BREAK_GLASS_ACTIONS = [
  ...LOCK_GUARDED_ACTIONS,
  's3:GetObject*',
  's3:ListBucket*',
  's3:PutObjectRetention',
  's3:GetBucketObjectLockConfiguration',
];

const createBreakGlassRole = (
  scope: StackContext['stack'],
  stage: string,
): iam.Role =>
  new iam.Role(scope, 'ReceiptsBreakGlass', {
    roleName: `passport-${stage}-ReceiptsBreakGlass`,
    description:
      'Lifts Object Lock on source receipts; people only, with MFA, no function',
    assumedBy: new iam.AccountRootPrincipal().withConditions({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    }),
    maxSessionDuration: Duration.hours(1),
  });

/**
 * Read-only access to receipts for people verifying them, with MFA; no
 * function assumes it. Tagged so the bucket policy lets it read.
 */
const createAuditorRole = (
  scope: StackContext['stack'],
  stage: string,
): iam.Role => {
  const role = new iam.Role(scope, 'ReceiptsAuditor', {
    roleName: `passport-${stage}-ReceiptsAuditor`,
    description: 'Reads and verifies source receipts; people only, with MFA',
    assumedBy: new iam.AccountRootPrincipal().withConditions({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    }),
    maxSessionDuration: Duration.hours(1),
  });
  Tags.of(role).add(RECEIPT_READER_TAG.key, RECEIPT_READER_TAG.value);

  return role;
};

const createReceiptsBucket = (
  scope: StackContext['stack'],
  key: kms.Key,
): s3.Bucket => {
  const bucket = new s3.Bucket(scope, 'SourceReceipts', {
    objectLockEnabled: true,
    versioned: true,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  // CDK writes default retention in days; whole years keep the 7-year rule
  // exact across leap years.
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.objectLockConfiguration = {
    objectLockEnabled: 'Enabled',
    rule: {
      defaultRetention: { mode: 'GOVERNANCE', years: RECEIPT_RETENTION_YEARS },
    },
  };

  return bucket;
};

/**
 * Explicit denies that outrank any allow: only break-glass may bypass or
 * loosen a lock or delete, and only break-glass or a tagged receipt writer
 * may set retention (S3 checks `s3:PutObjectRetention` on a PutObject that
 * carries lock headers, which our writers send).
 */
const denyLockTampering = (bucket: s3.Bucket, breakGlass: iam.Role): void => {
  const everyoneButBreakGlass = {
    ArnNotEquals: { 'aws:PrincipalArn': breakGlass.roleArn },
  };
  const resources = [bucket.bucketArn, bucket.arnForObjects('*')];

  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyLockTamperingExceptBreakGlass',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: LOCK_GUARDED_ACTIONS,
      resources,
      conditions: everyoneButBreakGlass,
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyRetentionExceptWritersAndBreakGlass',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObjectRetention'],
      resources,
      conditions: {
        ...everyoneButBreakGlass,
        StringNotEquals: {
          [`aws:PrincipalTag/${RECEIPT_WRITER_TAG.key}`]:
            RECEIPT_WRITER_TAG.value,
        },
      },
    }),
  );
};

/**
 * Only the functions, the auditor and break-glass touch receipt data: a
 * deny for every other principal, whatever its IAM policies allow (an
 * administrator included). Bucket management stays with the account.
 */
const denyOtherDataAccess = (bucket: s3.Bucket, breakGlass: iam.Role): void => {
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyReceiptDataExceptFunctionsAuditorBreakGlass',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: RECEIPT_DATA_ACTIONS,
      resources: [bucket.bucketArn, bucket.arnForObjects('*')],
      conditions: {
        ArnNotEquals: { 'aws:PrincipalArn': breakGlass.roleArn },
        StringNotEquals: {
          [`aws:PrincipalTag/${RECEIPT_WRITER_TAG.key}`]:
            RECEIPT_WRITER_TAG.value,
          [`aws:PrincipalTag/${RECEIPT_READER_TAG.key}`]:
            RECEIPT_READER_TAG.value,
        },
      },
    }),
  );
};

/**
 * Storage of the tier: the data key, the Object Lock receipts bucket, the
 * break-glass role that alone may lift a lock, and the database secret.
 */
function Storage({ app, stack }: StackContext) {
  const key = new kms.Key(stack, 'DataKey', {
    description: `Passport ${app.stage}: receipts and database secret`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const breakGlass = createBreakGlassRole(stack, app.stage);
  const receiptsBucket = createReceiptsBucket(stack, key);
  denyLockTampering(receiptsBucket, breakGlass);
  denyOtherDataAccess(receiptsBucket, breakGlass);
  const auditor = createAuditorRole(stack, app.stage);
  auditor.addToPolicy(
    new iam.PolicyStatement({
      actions: AUDITOR_ACTIONS,
      resources: [receiptsBucket.bucketArn, receiptsBucket.arnForObjects('*')],
    }),
  );
  auditor.addToPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
      },
    }),
  );
  breakGlass.addToPolicy(
    new iam.PolicyStatement({
      actions: BREAK_GLASS_ACTIONS,
      resources: [receiptsBucket.bucketArn, receiptsBucket.arnForObjects('*')],
    }),
  );
  key.grantDecrypt(breakGlass);

  // Operators replace the value with JSON `{"url": "postgres://..."}`; until
  // then `url` is empty and the config parser stops the cold start.
  const databaseSecret = new secretsmanager.Secret(stack, 'DatabaseSecret', {
    secretName: `passport/${app.stage}/database`,
    description: 'Database connection for the worker tier: JSON with url',
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ url: '' }),
      generateStringKey: 'unset',
    },
  });

  // Operators replace `apiKey` with the SAM.gov system account's key; until
  // then the SAM adapter refuses to call and its messages go to the DLQ.
  const samApiKeySecret = new secretsmanager.Secret(stack, 'SamApiKeySecret', {
    secretName: `passport/${app.stage}/sam-api-key`,
    description: 'SAM.gov Exclusions API key: JSON with apiKey',
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ apiKey: '' }),
      generateStringKey: 'unset',
    },
  });

  // Operators put the institution's e-Notify username and password here;
  // until then the Nursys adapter refuses to call and its messages go to
  // the DLQ, and the notification lookup fails (its alarm fires).
  const nursysCredentialsSecret = new secretsmanager.Secret(
    stack,
    'NursysCredentialsSecret',
    {
      secretName: `passport/${app.stage}/nursys-credentials`,
      description: 'Nursys e-Notify credentials: JSON with username, password',
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: '', password: '' }),
        generateStringKey: 'unset',
      },
    },
  );

  // Operators pass this to `pnpm rovn receipts verify --bucket`.
  stack.addOutputs({ ReceiptsBucketName: receiptsBucket.bucketName });

  return {
    auditor,
    breakGlass,
    databaseSecret,
    key,
    nursysCredentialsSecret,
    receiptsBucket,
    samApiKeySecret,
  };
}

export { LOCK_GUARDED_ACTIONS, RECEIPT_DATA_ACTIONS, Storage };
