import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRACER_PRIVACY } from '../../stacks/defaultFunctionProps';
import {
  RECEIPT_READER_TAG,
  RECEIPT_WRITER_TAG,
} from '../../stacks/receiptWriterTag';
import { RECEIPT_DATA_ACTIONS } from '../../stacks/Storage';
import {
  policyStatements,
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

/** Every resource of a type across all stacks, as [stack/id, resource]. */
const everywhere = (stacks: StackTemplates, type: string) =>
  Object.entries(stacks).flatMap(([stack, template]) =>
    Object.entries(template.findResources(type)).map(
      ([id, resource]) => [`${stack}/${id}`, resource] as const,
    ),
  );

describe('stack hardening', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('encrypts every queue and topic with a customer key', () => {
    const unencrypted = [
      ...everywhere(stacks, 'AWS::SQS::Queue'),
      ...everywhere(stacks, 'AWS::SNS::Topic'),
    ]
      .filter(
        ([, resource]) => resource.Properties.KmsMasterKeyId === undefined,
      )
      .map(([id]) => id);

    expect(unencrypted).toEqual([]);
  });

  it('rotates every customer key and keeps it on stack deletion', () => {
    const keys = everywhere(stacks, 'AWS::KMS::Key');

    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const [id, key] of keys) {
      expect([
        id,
        key.Properties.EnableKeyRotation,
        key.DeletionPolicy,
      ]).toEqual([id, true, 'Retain']);
    }
  });

  it('blocks public access to every bucket and refuses plain HTTP', () => {
    const buckets = everywhere(stacks, 'AWS::S3::Bucket');
    const tlsDenied = Object.values(stacks).flatMap((template) =>
      Object.values(template.findResources('AWS::S3::BucketPolicy'))
        .filter((policy) =>
          (
            policy.Properties.PolicyDocument.Statement as {
              Effect: string;
              Condition?: unknown;
            }[]
          ).some(
            (s) =>
              s.Effect === 'Deny' &&
              JSON.stringify(s.Condition) ===
                JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
          ),
        )
        .map((policy) => policy.Properties.Bucket.Ref as string),
    );

    expect(buckets.length).toBeGreaterThan(0);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(tlsDenied, id).toContain(id.split('/')[1]);
    }
  });

  it('denies receipt data to all but functions, auditor and break-glass', () => {
    const template = stacks.Storage;

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: RECEIPT_DATA_ACTIONS,
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': {
                  'Fn::GetAtt': [
                    Match.stringLikeRegexp('^ReceiptsBreakGlass'),
                    'Arn',
                  ],
                },
              },
              StringNotEquals: {
                [`aws:PrincipalTag/${RECEIPT_WRITER_TAG.key}`]:
                  RECEIPT_WRITER_TAG.value,
                [`aws:PrincipalTag/${RECEIPT_READER_TAG.key}`]:
                  RECEIPT_READER_TAG.value,
              },
            },
          }),
        ]),
      },
    });
  });

  it('gives people a read-only, MFA-only auditor role for receipts', () => {
    const template = stacks.Storage;
    const [auditorId] = Object.keys(
      template.findResources('AWS::IAM::Role', {
        Properties: { RoleName: `passport-${TEST_STAGE}-ReceiptsAuditor` },
      }),
    );

    const actions = policyStatements(template, ['AWS::IAM::Policy'])
      .filter(({ owner }) => owner.startsWith('ReceiptsAuditor'))
      .flatMap(({ statement }) => [statement.Action].flat());

    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: `passport-${TEST_STAGE}-ReceiptsAuditor`,
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          }),
        ],
      },
      Tags: Match.arrayWith([
        { Key: RECEIPT_READER_TAG.key, Value: RECEIPT_READER_TAG.value },
      ]),
    });
    expect(auditorId).toBeDefined();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).toMatch(/^(s3:(Get|List)|kms:Decrypt$)/);
    }
  });

  it('publishes the receipts bucket name for the operator commands', () => {
    const outputs = stacks.Storage.toJSON().Outputs;

    expect(outputs.ReceiptsBucketName.Value).toEqual({
      Ref: expect.stringMatching(/^SourceReceipts/),
    });
  });

  it('keeps the logs of every function for two weeks on a test stage', () => {
    const template = stacks.Workers;
    const functions = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: { Variables: { ROVN_STAGE: TEST_STAGE } },
        },
      }),
    );

    const retained = Object.values(
      template.findResources('Custom::LogRetention'),
    ).filter((retention) => retention.Properties.RetentionInDays === 14);

    expect(functions.length).toBeGreaterThan(0);
    for (const id of functions) {
      expect(
        retained.some((r) =>
          JSON.stringify(r.Properties.LogGroupName).includes(`"Ref":"${id}"`),
        ),
        id,
      ).toBe(true);
    }
  });

  it('traces every function without HTTP URLs, responses or errors', () => {
    const functions = Object.values(
      stacks.Workers.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: { Variables: { ROVN_STAGE: TEST_STAGE } },
        },
      }),
    );

    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables).toMatchObject(TRACER_PRIVACY);
    }
  });
});
