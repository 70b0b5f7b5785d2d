import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_RETENTION_YEARS } from '../../packages/core/src/topology';
import { RECEIPT_WRITER_TAG } from '../../stacks/receiptWriterTag';
import {
  policyStatements,
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

const logicalIdOf = (
  resources: Record<string, unknown>,
  prefix: string,
): string => {
  const id = Object.keys(resources).find((key) => key.startsWith(prefix));
  if (id === undefined) {
    throw new Error(`No resource whose logical id starts with ${prefix}`);
  }

  return id;
};

describe('Storage stack', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('locks receipts in GOVERNANCE mode for the retention years, versioned', () => {
    const template = stacks.Storage;

    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: {
          DefaultRetention: {
            Mode: 'GOVERNANCE',
            Years: RECEIPT_RETENTION_YEARS,
          },
        },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('encrypts receipts with the customer key and blocks public access', () => {
    const template = stacks.Storage;
    const keyId = logicalIdOf(
      template.findResources('AWS::KMS::Key'),
      'DataKey',
    );

    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('denies every request to the bucket that does not use TLS', () => {
    const template = stacks.Storage;

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('denies lock bypass, deletion and lock changes to all but break-glass', () => {
    const template = stacks.Storage;
    const roleId = logicalIdOf(
      template.findResources('AWS::IAM::Role'),
      'ReceiptsBreakGlass',
    );

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: [
              's3:BypassGovernanceRetention',
              's3:DeleteObject*',
              's3:PutBucketObjectLockConfiguration',
            ],
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': { 'Fn::GetAtt': [roleId, 'Arn'] },
              },
            },
          }),
        ]),
      },
    });
  });

  it('denies setting retention to all but break-glass and tagged writers', () => {
    const template = stacks.Storage;
    const roleId = logicalIdOf(
      template.findResources('AWS::IAM::Role'),
      'ReceiptsBreakGlass',
    );

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:PutObjectRetention',
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': { 'Fn::GetAtt': [roleId, 'Arn'] },
              },
              StringNotEquals: {
                [`aws:PrincipalTag/${RECEIPT_WRITER_TAG.key}`]:
                  RECEIPT_WRITER_TAG.value,
              },
            },
          }),
        ]),
      },
    });
  });

  it('lets only the account root with MFA assume the break-glass role', () => {
    const template = stacks.Storage;

    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: `passport-${TEST_STAGE}-ReceiptsBreakGlass`,
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            Principal: {
              AWS: {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    Match.stringLikeRegexp(':root$'),
                  ],
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('rotates the data key and keeps key, bucket and secret on deletion', () => {
    const template = stacks.Storage;

    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
    });
  });

  it('names the database secret per stage and encrypts it with the key', () => {
    const template = stacks.Storage;
    const keyId = logicalIdOf(
      template.findResources('AWS::KMS::Key'),
      'DataKey',
    );

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `passport/${TEST_STAGE}/database`,
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });

  it('gives the bucket policy no allow statement', () => {
    const template = stacks.Storage;

    const allows = policyStatements(template, ['AWS::S3::BucketPolicy']).filter(
      ({ statement }) => statement.Effect === 'Allow',
    );

    expect(allows).toEqual([]);
  });
});
