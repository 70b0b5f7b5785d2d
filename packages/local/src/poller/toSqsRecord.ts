import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type {
  SQSMessageAttribute,
  SQSMessageAttributes,
  SQSRecord,
  SQSRecordAttributes,
} from 'aws-lambda';
import { PollerMessageError } from './errors';

const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('base64');

// Lambda spells attribute fields in camel case, sends binaries as base64
// and always includes the (unused) list fields.
const toLambdaAttribute = (
  value: MessageAttributeValue,
): SQSMessageAttribute => {
  const attribute: SQSMessageAttribute = {
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map(toBase64),
    dataType: value.DataType ?? 'String',
  };
  if (value.StringValue !== undefined) {
    attribute.stringValue = value.StringValue;
  }
  if (value.BinaryValue !== undefined) {
    attribute.binaryValue = toBase64(value.BinaryValue);
  }

  return attribute;
};

const toLambdaAttributes = (
  attributes: Message['MessageAttributes'] = {},
): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      toLambdaAttribute(value),
    ]),
  );

const regionOf = (queueArn: string): string => {
  const region = queueArn.split(':')[3];
  if (region === undefined || region === '') {
    throw new PollerMessageError(`Queue ARN ${queueArn} names no region`, {
      context: { queue_arn: queueArn },
    });
  }

  return region;
};

/**
 * Turns a received SQS message into the record Lambda's event source
 * mapping would hand the function.
 *
 * @param message - from ReceiveMessage with all system and message
 *   attributes requested
 * @param queueArn - the queue it came from (`eventSourceARN`)
 */
const toSqsRecord = (message: Message, queueArn: string): SQSRecord => {
  const { MessageId, ReceiptHandle, Body, MD5OfBody } = message;
  if (MessageId === undefined || ReceiptHandle === undefined) {
    throw new PollerMessageError(
      `SQS returned a message without id or receipt handle from ${queueArn}`,
      { context: { queue_arn: queueArn } },
    );
  }
  const system = message.Attributes ?? {};
  const attributes: SQSRecordAttributes = {
    ApproximateReceiveCount: system.ApproximateReceiveCount ?? '1',
    SentTimestamp: system.SentTimestamp ?? '',
    SenderId: system.SenderId ?? '',
    ApproximateFirstReceiveTimestamp:
      system.ApproximateFirstReceiveTimestamp ?? '',
  };
  for (const optional of [
    'AWSTraceHeader',
    'SequenceNumber',
    'MessageGroupId',
    'MessageDeduplicationId',
    'DeadLetterQueueSourceArn',
  ] as const) {
    const value = system[optional];
    if (value !== undefined) attributes[optional] = value;
  }

  const record: SQSRecord = {
    messageId: MessageId,
    receiptHandle: ReceiptHandle,
    body: Body ?? '',
    attributes,
    messageAttributes: toLambdaAttributes(message.MessageAttributes),
    md5OfBody: MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: regionOf(queueArn),
  };
  if (message.MD5OfMessageAttributes !== undefined) {
    record.md5OfMessageAttributes = message.MD5OfMessageAttributes;
  }

  return record;
};

export { toSqsRecord };
