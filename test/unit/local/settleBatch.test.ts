import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { settleBatch } from '../../../packages/local/src/poller/settleBatch';

const record = (messageId: string): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: '{}',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1764000000000',
    SenderId: 'local',
    ApproximateFirstReceiveTimestamp: '1764000000001',
  },
  messageAttributes: {},
  md5OfBody: '99914b932bd37a50b983c5e7c90ae93b',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:verify-nppes',
  awsRegion: 'us-east-2',
});

const batch = () => [record('m1'), record('m2'), record('m3')];
const ids = (records: readonly SQSRecord[]) => records.map((r) => r.messageId);

describe('settleBatch', () => {
  it('deletes every message when the handler returns nothing', () => {
    const settlement = settleBatch(batch(), {
      kind: 'returned',
      response: undefined,
    });

    expect(ids(settlement.toDelete)).toEqual(['m1', 'm2', 'm3']);
    expect(settlement.failedIds).toEqual([]);
  });

  it('keeps the reported failures and deletes the rest', () => {
    const settlement = settleBatch(batch(), {
      kind: 'returned',
      response: { batchItemFailures: [{ itemIdentifier: 'm2' }] },
    });

    expect(ids(settlement.toDelete)).toEqual(['m1', 'm3']);
    expect(settlement.failedIds).toEqual(['m2']);
  });

  it('deletes nothing when the handler threw', () => {
    const settlement = settleBatch(batch(), {
      kind: 'threw',
      error: new Error('boom'),
    });

    expect(settlement.toDelete).toEqual([]);
    expect(settlement.failedIds).toEqual(['m1', 'm2', 'm3']);
  });

  it.each([
    ['an id from another batch', 'm9'],
    ['an empty id', ''],
  ])('fails the whole batch for %s', (_, itemIdentifier) => {
    const settlement = settleBatch(batch(), {
      kind: 'returned',
      response: { batchItemFailures: [{ itemIdentifier }] },
    });

    expect(settlement.toDelete).toEqual([]);
    expect(settlement.invalidResponse).toMatch(/not a message of this batch/);
  });
});
