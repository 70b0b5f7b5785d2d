import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  ContractError,
  verificationRequestedSchema,
} from '../../../packages/core/src';
import { parseRecordBody } from '../../../packages/functions/src/runtime/parseRecordBody';

const request = (overrides: Record<string, unknown> = {}) => ({
  type: 'verification.requested',
  requestId: 'chk-w-00001-nppes:1',
  checkId: 'chk-w-00001-nppes',
  source: 'nppes',
  workerId: 'w-00001',
  credentialId: 'w-00001-nppes',
  dueAt: '2026-12-01T00:00:00.000Z',
  requestedAt: '2026-12-01T00:00:05.000Z',
  ...overrides,
});

const record = (body: string): SQSRecord => ({
  messageId: 'm-1',
  receiptHandle: 'rh-1',
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1764547205000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1764547205100',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:verify-nppes',
  awsRegion: 'us-east-2',
});

const failureOf = (body: string): unknown => {
  try {
    parseRecordBody(verificationRequestedSchema, record(body));
  } catch (error) {
    return error;
  }

  return undefined;
};

describe('parseRecordBody', () => {
  it('returns the body checked against its contract', () => {
    const body = JSON.stringify(request());

    const message = parseRecordBody(verificationRequestedSchema, record(body));

    expect(message).toEqual(request());
  });

  it('names the message and the field at fault, not the value', () => {
    const body = JSON.stringify(request({ workerId: 19750314 }));

    const error = failureOf(body);

    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toContain('m-1');
    expect((error as Error).message).toContain('workerId');
    expect((error as Error).message).not.toContain('19750314');
  });

  it('refuses a body that is not JSON without quoting it', () => {
    const error = failureOf('{"dob":"1975-03-14"');

    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).not.toContain('1975-03-14');
  });
});
