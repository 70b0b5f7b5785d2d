import type { SourceId } from '../../../core/src/topology';

/** A queue and the dead-letter queue its messages move to. */
interface QueueResources {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
}

/** Everything {@link provisionTopology} created, by role. */
interface LocalResources {
  /** The `verification-requests` SNS topic. */
  topicArn: string;
  /** One adapter queue (+ DLQ) per source. */
  queues: Record<SourceId, QueueResources>;
  notificationsQueue: QueueResources;
  containerQueue: QueueResources;
  /** SES bounce and complaint feedback: the topic and the queue it feeds. */
  feedbackTopicArn: string;
  feedbackQueue: QueueResources;
  busName: string;
  busArn: string;
  archiveName: string;
  /** The source-receipts bucket (Object Lock, GOVERNANCE, 7 years). */
  bucket: string;
  /** The bucket's default SSE-KMS key (ARN). */
  kmsKeyId: string;
  /** Verified sender address of notices. */
  sesFrom: string;
  /** Verified sender domain. */
  sesDomain: string;
  configurationSet: string;
}

export type { LocalResources, QueueResources };
