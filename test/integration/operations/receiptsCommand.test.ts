import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveReceipt,
  insertRoster,
  manifestKeyFor,
  receiptKeyFor,
  type Store,
  sha256Of,
} from '../../../packages/core/src';
import { runReceiptsCommand } from '../../../packages/local/src/cli/receiptsCommand';
import type { AwsClients } from '../../../packages/local/src/emulator/createAwsClients';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import { makeRoster } from '../../factories/roster';
import { openTestStore } from '../../helpers/db';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';

const FETCHED_AT = new Date('2026-03-04T05:06:07.000Z');

const captureIo = () => {
  const out = { stdout: '', stderr: '' };

  return {
    out,
    io: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
    },
  };
};

describe('rovn receipts verify', () => {
  let clients: AwsClients;
  let resources: LocalResources;
  let prefix: string;
  let store: Store;

  const verify = async (argv: string[]) => {
    const { out, io } = captureIo();
    const code = await runReceiptsCommand(
      ['verify', ...argv, '--endpoint', motoEndpoint(), '--prefix', prefix],
      io,
      { db: store.db, env: {} },
    );

    return { code, ...out };
  };

  const archive = (text: string) =>
    archiveReceipt(
      { s3: clients.s3, bucket: resources.bucket },
      {
        source: 'nppes',
        body: new TextEncoder().encode(text),
        status: 200,
        contentType: 'application/json',
        request: { method: 'GET', url: 'https://npiregistry.cms.hhs.gov/api/' },
        fetchedAt: FETCHED_AT,
        adapterVersion: 'nppes@test',
      },
    );

  /** Writes a receipt by hand, as a faulty or hostile writer might. */
  const putByHand = async (options: {
    keyText: string;
    bodyText: string;
    retainUntil: Date;
  }): Promise<string> => {
    const hex = sha256Of(new TextEncoder().encode(options.keyText)).hex;
    const key = receiptKeyFor('nppes', hex);
    const manifest = {
      version: 1,
      key,
      source: 'nppes',
      sha256: hex,
      sizeBytes: options.bodyText.length,
      contentType: 'application/json',
      status: 200,
      request: { method: 'GET', url: 'https://npiregistry.cms.hhs.gov/api/' },
      fetchedAt: FETCHED_AT.toISOString(),
      adapterVersion: 'nppes@test',
    };
    const lock = {
      ObjectLockMode: 'GOVERNANCE' as const,
      ObjectLockRetainUntilDate: options.retainUntil,
    };
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: resources.bucket,
        Key: key,
        Body: options.bodyText,
        ...lock,
      }),
    );
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: resources.bucket,
        Key: manifestKeyFor('nppes', hex),
        Body: JSON.stringify(manifest),
        ...lock,
      }),
    );

    return key;
  };

  beforeAll(async () => {
    clients = motoClients();
    prefix = uniquePrefix('receipts-cli');
    resources = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix,
      clients,
    });
    store = await openTestStore();
    await insertRoster(store.db, makeRoster([{ id: 'w1' }]));
  });

  afterAll(async () => {
    clients.destroy();
    await store.close();
  });

  it('verifies an archived receipt and prints its manifest', async () => {
    const { key } = await archive('{"result_count":0,"results":[]}');

    const result = await verify([key]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`VERIFIED ${key}`);
    expect(result.stdout).toContain('(matches the key)');
    expect(result.stdout).toContain('"adapterVersion": "nppes@test"');
  });

  it('finds the receipt of the latest result of a check', async () => {
    const older = await archive('{"result_count":1,"results":[]}');
    const newer = await archive('{"result_count":2,"results":[]}');
    const [check] = await store.db.selectFrom('checks').select('id').execute();
    const result = (id: string, receipt: string, at: string) => ({
      id,
      request_id: `req-${id}`,
      check_id: check?.id ?? '',
      source: 'nppes',
      outcome: 'clear' as const,
      previous_outcome: null,
      findings: '[]',
      receipt_key: receipt,
      adapter_version: 'nppes@test',
      checked_at: at,
    });
    await store.db
      .insertInto('results')
      .values([
        result('res-old', older.key, '2026-03-01T00:00:00Z'),
        result('res-new', newer.key, '2026-03-02T00:00:00Z'),
      ])
      .execute();

    const found = await verify(['--check', check?.id ?? '', '--json']);

    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({
      key: newer.key,
      verified: true,
    });
  });

  it('fails when the bytes no longer hash to their key', async () => {
    const key = await putByHand({
      keyText: 'what was fetched',
      bodyText: 'what is stored now',
      retainUntil: new Date('2033-03-04T05:06:07.000Z'),
    });

    const result = await verify([key]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('NOT VERIFIED');
    expect(result.stdout).toContain("not to the key's");
  });

  it('fails when the lock ends years too early', async () => {
    const key = await putByHand({
      keyText: 'short lock',
      bodyText: 'short lock',
      retainUntil: new Date('2027-03-04T05:06:07.000Z'),
    });

    const result = await verify([key]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/receipt is retained until 2027-.*before/);
  });

  it('names a receipt that is not in the bucket', async () => {
    const key = receiptKeyFor('nppes', 'a'.repeat(64));

    const result = await verify([key]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Receipt ${key}`);
    expect(result.stderr).toContain(resources.bucket);
  });

  it('names a bucket that does not exist', async () => {
    const key = receiptKeyFor('nppes', 'b'.repeat(64));

    const result = await verify([key, '--bucket', 'no-such-receipts-bucket']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Bucket no-such-receipts-bucket does not exist',
    );
  });

  it('says so when a check has no result with a receipt', async () => {
    const result = await verify(['--check', 'chk-without-results']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chk-without-results has no result');
  });

  it('refuses both a key and --check, and neither', async () => {
    const both = await verify(['receipts/nppes/x', '--check', 'c1']);
    const neither = await verify([]);

    expect([both.code, neither.code]).toEqual([2, 2]);
    expect(both.stderr).toContain('either one receipt key or --check');
  });
});
