import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  createEgressClient,
  databaseUrlFromSecret,
  egressOptionsFromEnv,
  type HandlerKind,
  openStore,
  parseWorkerConfig,
} from '@rovn/core';
import { createTracer } from './observability';
import type { DepsProvider, WorkerDeps } from './workerDeps';

/**
 * Builds a handler's production dependencies from its environment. The
 * configuration is parsed at once (a bad setting fails the cold start);
 * the database connection is opened on first use and then reused.
 */
const productionDeps = (
  kind: HandlerKind,
  serviceName: string,
): DepsProvider => {
  const tracer = createTracer(serviceName);
  const config = parseWorkerConfig(kind, process.env) as Record<
    string,
    string | undefined
  >;
  const egressOptions = egressOptionsFromEnv(process.env);
  const region = String(config.AWS_REGION);
  let built: Promise<WorkerDeps> | undefined;

  const build = async (): Promise<WorkerDeps> => {
    const secretArn = config.DATABASE_SECRET_ARN;
    const url =
      secretArn === undefined
        ? (config.DATABASE_URL ?? '')
        : await databaseUrlFromSecret(
            tracer.captureAWSv3Client(new SecretsManagerClient({ region })),
            secretArn,
          );
    const store = await openStore({ kind: 'postgres', url, maxConnections: 2 });

    return {
      db: store.db,
      clock: () => new Date(),
      sns: tracer.captureAWSv3Client(new SNSClient({ region })),
      s3: tracer.captureAWSv3Client(new S3Client({ region })),
      eventBridge: tracer.captureAWSv3Client(new EventBridgeClient({ region })),
      ses: tracer.captureAWSv3Client(new SESClient({ region })),
      egress: createEgressClient(egressOptions),
      settings: {
        topicArn: config.REQUESTS_TOPIC_ARN ?? '',
        busName: config.EVENT_BUS_NAME ?? '',
        bucket: config.RECEIPTS_BUCKET ?? '',
        sesFrom: config.SES_FROM_ADDRESS ?? '',
        configurationSet: config.SES_CONFIGURATION_SET ?? '',
        appBaseUrl: config.APP_BASE_URL ?? '',
        operatorEmail: config.OPERATOR_EMAIL ?? '',
      },
    };
  };

  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });

    return built;
  };
};

export { productionDeps };
