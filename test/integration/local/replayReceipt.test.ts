import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveReceipt } from '../../../packages/core/src/receipts/archiveReceipt';
import { runReplayCommand } from '../../../packages/local/src/cli/replayCommand';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';

const EXAMPLES = join(import.meta.dirname, '../../../examples/replay');
const FETCHED_AT = new Date('2025-02-03T09:30:00Z');

const clients = motoClients();

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplayCommand(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: { AWS_ENDPOINT_URL: motoEndpoint() },
  });

  return { code, stdout: out.join(''), stderr: err.join('') };
};

describe('runReplayCommand --receipt', () => {
  let resources: LocalResources;
  let receiptKey: string;
  const subject = join(EXAMPLES, 'subject.json');

  beforeAll(async () => {
    resources = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix: uniquePrefix('replay-receipt'),
    });
    const archived = await archiveReceipt(
      { s3: clients.s3, bucket: resources.bucket },
      {
        source: 'nppes',
        body: await readFile(join(EXAMPLES, 'nppes-response.json')),
        status: 200,
        contentType: 'application/json',
        request: {
          method: 'GET',
          url: 'https://npiregistry.cms.hhs.gov/api/',
        },
        fetchedAt: FETCHED_AT,
        adapterVersion: 'nppes-1',
      },
    );
    receiptKey = archived.key;
  });

  afterAll(() => clients.destroy());

  it('replays an archived receipt at the day it was fetched', async () => {
    const argv = [
      '--subject',
      subject,
      '--receipt',
      receiptKey,
      '--bucket',
      resources.bucket,
    ];

    const { code, stdout, stderr } = await run(argv);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({
      source: 'nppes',
      outcome: 'clear',
      at: '2025-02-03T00:00:00.000Z',
      receipt: {
        key: receiptKey,
        intact: true,
        fetchedAt: FETCHED_AT.toISOString(),
        recordedAdapterVersion: 'nppes-1',
        lock: { mode: 'GOVERNANCE' },
      },
    });
  });

  it('exits 2 when --source disagrees with the receipt', async () => {
    const argv = [
      '--source',
      'oig-leie',
      '--subject',
      subject,
      '--receipt',
      receiptKey,
      '--bucket',
      resources.bucket,
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('does not match');
  });

  it('exits 1 when the receipt is not in the bucket', async () => {
    const argv = [
      '--subject',
      subject,
      '--receipt',
      `receipts/nppes/${'0'.repeat(64)}`,
      '--endpoint',
      motoEndpoint(),
      '--bucket',
      resources.bucket,
    ];

    const { code, stdout, stderr } = await run(argv);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot read receipt');
  });

  it('replays an archived board page at the day it was fetched', async () => {
    const archived = await archiveReceipt(
      { s3: clients.s3, bucket: resources.bucket },
      {
        source: 'board-ks',
        body: await readFile(join(EXAMPLES, 'board-ks-response.json')),
        status: 200,
        contentType: 'application/json',
        request: {
          method: 'GET',
          url: 'https://ksbn.kansas.gov/api/registrant/search',
        },
        fetchedAt: new Date('2026-07-01T08:00:00Z'),
        adapterVersion: 'board-saas-1',
      },
    );
    const argv = [
      '--subject',
      join(EXAMPLES, 'board-ks-subject.json'),
      '--receipt',
      archived.key,
      '--bucket',
      resources.bucket,
    ];

    const { code, stdout, stderr } = await run(argv);

    expect([code, stderr]).toEqual([0, '']);
    // Fetched the day after the license's expiration date.
    expect(JSON.parse(stdout)).toMatchObject({
      source: 'board-ks',
      outcome: 'expired',
      at: '2026-07-01T00:00:00.000Z',
      receipt: { key: archived.key, intact: true },
    });
  });
});
