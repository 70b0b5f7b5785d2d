import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveReceipt,
  type ReceiptInput,
  readReceipt,
} from '../../../packages/core/src';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';

const DAY_MS = 86_400_000;

const receiptInput = (body: string): ReceiptInput => ({
  source: 'nppes',
  body: new TextEncoder().encode(body),
  status: 200,
  contentType: 'application/json',
  request: { method: 'GET', url: 'https://npiregistry.cms.hhs.gov/api/' },
  fetchedAt: new Date('2026-12-01T10:00:00Z'),
  adapterVersion: 'nppes-test',
});

describe('archiveReceipt', () => {
  const clients = motoClients();
  let resources: LocalResources;

  beforeAll(async () => {
    resources = await provisionTopology({
      endpoint: motoEndpoint(),
      prefix: uniquePrefix('receipt'),
      clients,
    });
  });

  afterAll(() => clients.destroy());

  it('writes the same bytes once, under their SHA-256', async () => {
    const target = { s3: clients.s3, bucket: resources.bucket };

    const first = await archiveReceipt(target, receiptInput('{"a":1}'));
    const again = await archiveReceipt(target, receiptInput('{"a":1}'));
    const other = await archiveReceipt(target, receiptInput('{"a":2}'));

    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.key).toBe(first.key);
    expect(other.key).not.toBe(first.key);
    expect(first.key).toBe(`receipts/nppes/${first.manifest.sha256}`);
  });

  it('reads a receipt back intact, locked for seven years from the fetch', async () => {
    const target = { s3: clients.s3, bucket: resources.bucket };
    const archived = await archiveReceipt(target, receiptInput('{"b":1}'));

    const read = await readReceipt(target, archived.key);
    const sevenYears = new Date('2033-12-01T10:00:00Z').getTime();

    expect(read.intact).toBe(true);
    expect(new TextDecoder().decode(read.body)).toBe('{"b":1}');
    expect(read.manifest.request.url).toBe(
      'https://npiregistry.cms.hhs.gov/api/',
    );
    expect(read.lock.mode).toBe('GOVERNANCE');
    expect(
      Math.abs((read.lock.retainUntil?.getTime() ?? 0) - sevenYears),
    ).toBeLessThan(3 * DAY_MS);
  });
});
