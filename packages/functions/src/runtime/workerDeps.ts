import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Database, EgressClient } from '@rovn/core';
import type { Kysely } from 'kysely';

/** The AWS clients a handler may be given, by the name it uses. */
interface AwsClients {
  sns: SNSClient;
  s3: S3Client;
  eventBridge: EventBridgeClient;
  ses: SESClient;
  /** CloudWatch metrics (the daily coverage job). */
  cloudWatch: CloudWatchClient;
}

/** Name of one AWS client of {@link AwsClients}. */
type AwsClientName = keyof AwsClients;

/** What every handler gets, whatever AWS clients it uses. */
interface BaseDeps {
  db: Kysely<Database>;
  clock: () => Date;
  egress: EgressClient;
  settings: {
    topicArn: string;
    busName: string;
    bucket: string;
    sesFrom: string;
    configurationSet: string;
    appBaseUrl: string;
    /** Operators' mailbox: source outages, unreachable facilities. */
    operatorEmail: string;
    /**
     * A notice reservation older than this belongs to a dead notifier and
     * is taken over (default: core's, 10 minutes).
     */
    noticeStaleAfterMs?: number;
  };
}

/**
 * Everything a handler talks to: the shared dependencies and the AWS
 * clients `C` it names. Production builds only those clients, so a
 * function's bundle holds only the SDK clients it uses; the local stack
 * and tests pass all of them (`WorkerDeps` with no argument).
 */
type WorkerDeps<C extends AwsClientName = AwsClientName> = BaseDeps &
  Pick<AwsClients, C>;

/** Gives the dependencies; called once per invocation, built once. */
type DepsProvider<C extends AwsClientName = AwsClientName> = () => Promise<
  WorkerDeps<C>
>;

export type { AwsClientName, AwsClients, BaseDeps, DepsProvider, WorkerDeps };
