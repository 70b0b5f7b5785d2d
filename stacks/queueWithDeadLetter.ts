import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueueName } from '../packages/core/src/topology';
import { resourceName } from './resourceName';

/** A work queue and the DLQ its failed messages end in. */
interface QueuePair {
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
}

interface QueuePairProps {
  stage: string;
  /** Base name from core's topology; the DLQ name derives from it. */
  name: string;
  key: kms.IKey;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
}

/** DLQs keep messages as long as SQS allows, for operators to redrive. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * Creates a KMS-encrypted, TLS-only queue and its DLQ, named from core's
 * topology so the deployed and local names stay the same apart from the
 * stage prefix.
 *
 * @param scope - the stack to create them in
 * @param props - names, key and redrive settings
 */
const queueWithDeadLetter = (
  scope: Construct,
  props: QueuePairProps,
): QueuePair => {
  const deadName = deadLetterQueueName(props.name);
  const deadLetterQueue = new sqs.Queue(scope, deadName, {
    queueName: resourceName(props.stage, deadName),
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.key,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });

  const queue = new sqs.Queue(scope, props.name, {
    queueName: resourceName(props.stage, props.name),
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.key,
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(props.visibilityTimeoutSeconds),
    deadLetterQueue: {
      queue: deadLetterQueue,
      maxReceiveCount: props.maxReceiveCount,
    },
  });

  return { deadLetterQueue, queue };
};

export type { QueuePair, QueuePairProps };
export { queueWithDeadLetter };
