import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_RETENTION_YEARS } from '../../../packages/core/src/topology';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';

const DAY_MS = 86_400_000;

const clients = motoClients();

describe('provisionTopology: receipts bucket', () => {
  let resources: LocalResources;

  beforeAll(async () => {
    resources = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix: uniquePrefix('receipts'),
    });
  });

  afterAll(() => clients.destroy());

  it('locks a new object in GOVERNANCE mode for about seven years', async () => {
    const key = 'receipts/nppes/sha256-aa11';
    const putAt = Date.now();

    const put = await clients.s3.send(
      new PutObjectCommand({
        Bucket: resources.bucket,
        Key: key,
        Body: '{"result_count":0,"results":[]}',
      }),
    );
    // GetObjectRetention's answer does not parse in SDK v3 against moto.
    const head = await clients.s3.send(
      new HeadObjectCommand({ Bucket: resources.bucket, Key: key }),
    );

    const retainedMs = (head.ObjectLockRetainUntilDate?.getTime() ?? 0) - putAt;
    const yearsMs = RECEIPT_RETENTION_YEARS * 365 * DAY_MS;
    expect(put.VersionId).toBeTruthy();
    expect(head.ObjectLockMode).toBe('GOVERNANCE');
    expect(retainedMs).toBeGreaterThan(yearsMs - 2 * DAY_MS);
    expect(retainedMs).toBeLessThan(yearsMs + 3 * DAY_MS);
  });

  it('encrypts objects by default with the receipts KMS key', async () => {
    const key = 'receipts/nppes/sha256-bb22';

    await clients.s3.send(
      new PutObjectCommand({ Bucket: resources.bucket, Key: key, Body: 'x' }),
    );
    const head = await clients.s3.send(
      new HeadObjectCommand({ Bucket: resources.bucket, Key: key }),
    );
    const { KeyMetadata } = await clients.kms.send(
      new DescribeKeyCommand({ KeyId: resources.kmsKeyId }),
    );

    expect(head.ServerSideEncryption).toBe('aws:kms');
    expect(head.SSEKMSKeyId).toBe(KeyMetadata?.Arn);
  });

  it('refuses to delete a locked version without a bypass', async () => {
    const key = 'receipts/nppes/sha256-cc33';
    const { VersionId } = await clients.s3.send(
      new PutObjectCommand({ Bucket: resources.bucket, Key: key, Body: 'y' }),
    );

    const act = clients.s3.send(
      new DeleteObjectCommand({
        Bucket: resources.bucket,
        Key: key,
        VersionId,
      }),
    );

    await expect(act).rejects.toThrow();
  });
});
