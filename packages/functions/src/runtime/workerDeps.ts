import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Database, EgressClient } from '@rovn/core';
import type { Kysely } from 'kysely';

/**
 * Everything a handler talks to. Production builds it from the
 * environment at cold start; the local stack and tests pass their own.
 */
interface WorkerDeps {
  db: Kysely<Database>;
  clock: () => Date;
  sns: SNSClient;
  s3: S3Client;
  eventBridge: EventBridgeClient;
  ses: SESClient;
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

/** Gives the dependencies; called once per invocation, built once. */
type DepsProvider = () => Promise<WorkerDeps>;

export type { DepsProvider, WorkerDeps };
