import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { toSqsRecord } from '../../../packages/local/src/poller/toSqsRecord';

const QUEUE_ARN = 'arn:aws:sqs:us-east-2:123456789012:verify-nppes';

const message = (overrides: Partial<Message> = {}): Message => ({
  MessageId: 'm-1',
  ReceiptHandle: 'rh-1',
  Body: '{"checkId":"chk-1"}',
  MD5OfBody: 'abc',
  Attributes: {
    ApproximateReceiveCount: '3',
    SentTimestamp: '1764000000000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1764000000500',
  },
  ...overrides,
});

describe('toSqsRecord', () => {
  it('copies ids, body and system attributes', () => {
    const record = toSqsRecord(message(), QUEUE_ARN);

    expect(record).toMatchObject({
      messageId: 'm-1',
      receiptHandle: 'rh-1',
      body: '{"checkId":"chk-1"}',
      md5OfBody: 'abc',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-2',
      attributes: { ApproximateReceiveCount: '3', SenderId: 'AIDAEXAMPLE' },
    });
  });

  it('spells message attributes as Lambda does, binaries in base64', () => {
    const record = toSqsRecord(
      message({
        MessageAttributes: {
          source: { DataType: 'String', StringValue: 'nppes' },
          blob: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 3) },
        },
        MD5OfMessageAttributes: 'def',
      }),
      QUEUE_ARN,
    );

    expect(record.messageAttributes).toEqual({
      source: {
        stringValue: 'nppes',
        stringListValues: [],
        binaryListValues: [],
        dataType: 'String',
      },
      blob: {
        binaryValue: 'AQID',
        stringListValues: [],
        binaryListValues: [],
        dataType: 'Binary',
      },
    });
    expect(record.md5OfMessageAttributes).toBe('def');
  });

  it('refuses a message without a receipt handle', () => {
    const act = () =>
      toSqsRecord(message({ ReceiptHandle: undefined }), QUEUE_ARN);

    expect(act).toThrow(/without id or receipt handle/);
  });
});
