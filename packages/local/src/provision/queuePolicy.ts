/** Services that deliver into the tier's queues. */
type DeliveringService = 'sns.amazonaws.com' | 'events.amazonaws.com';

/**
 * Builds an SQS queue policy that lets one AWS service send to the queue,
 * only on behalf of the given resources (topic or rule ARNs).
 *
 * moto does not enforce queue policies; they are written so the local
 * topology states the same permissions the deployed one needs.
 */
const queuePolicy = (
  queueArn: string,
  service: DeliveringService,
  sourceArns: readonly string[],
): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowDeliveryFromTier',
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': [...sourceArns] } },
      },
    ],
  });

export type { DeliveringService };
export { queuePolicy };
