import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  HOME_REGION,
  RECEIPT_RETENTION_YEARS,
} from '../../../core/src/topology';
import { isAwsError } from './isAwsError';

/**
 * Creates the source-receipts bucket with Object Lock, a default GOVERNANCE
 * retention of RECEIPT_RETENTION_YEARS, SSE-KMS under the given key, and
 * public access blocked.
 */
const provisionReceiptsBucket = async (
  s3: S3Client,
  bucket: string,
  kmsKeyArn: string,
): Promise<void> => {
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // Object Lock can only be switched on when the bucket is created
        // (or, on AWS, later with versioning): do it here, never after.
        ObjectLockEnabledForBucket: true,
        CreateBucketConfiguration: { LocationConstraint: HOME_REGION },
      }),
    );
  } catch (error) {
    if (!isAwsError(error, 'BucketAlreadyOwnedByYou')) throw error;
  }

  await s3.send(
    new PutObjectLockConfigurationCommand({
      Bucket: bucket,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: {
          DefaultRetention: {
            Mode: 'GOVERNANCE',
            Years: RECEIPT_RETENTION_YEARS,
          },
        },
      },
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: kmsKeyArn,
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
};

export { provisionReceiptsBucket };
