import { HeadObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  countDuplicateResults,
  countNotifications,
  type Database,
  RECEIPT_RETENTION_YEARS,
} from '@rovn/core';
import { type Kysely, sql } from 'kysely';
import type { ChaosReport } from '../chaos/formatChaosReport';
import type { AwsClients } from '../emulator/createAwsClients';
import type { SentEmail } from '../outbox/sentEmail';
import type { LocalResources } from '../provision/localResources';

/** The numbers `run-summary.json` holds. */
interface RunSummary {
  started_at: string;
  state: 'reset' | 'reused';
  store: 'pglite' | 'postgres';
  workers: number;
  checks_due: number;
  requests_published: number;
  results_by_source_and_outcome: Record<string, Record<string, number>>;
  duplicate_results: number;
  receipts_archived: number;
  receipts_locked: number;
  emails_sent: number;
  emails_by_kind: Record<string, number>;
  /** Notices not sent because the address is on the suppression list. */
  emails_suppressed: number;
  notification_log: Record<string, number>;
  dlq_messages: number;
  dlq_by_queue: Record<string, number>;
  container_events: number;
  leie_refresh: string;
  duration_ms: number;
  /** The chaos run's faults and checked invariants (`--chaos` only). */
  chaos?: ChaosReport;
}

const DAY_MS = 86_400_000;

/** Results of this run: source -> outcome -> count. */
const resultsBySourceAndOutcome = async (
  db: Kysely<Database>,
  since: Date,
): Promise<Record<string, Record<string, number>>> => {
  const rows = await db
    .selectFrom('results')
    .select(['source', 'outcome', sql<number>`count(*)::int`.as('n')])
    .where('checked_at', '>=', since)
    .groupBy(['source', 'outcome'])
    .execute();
  const table: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    table[row.source] = { ...table[row.source], [row.outcome]: Number(row.n) };
  }

  return table;
};

/**
 * Counts receipts in the bucket and how many carry the lock we promise:
 * GOVERNANCE, retained about seven years past now (checked with
 * HeadObject, the call whose answer every S3 implementation gets right).
 */
const countReceipts = async (
  clients: AwsClients,
  bucket: string,
  now: Date,
): Promise<{ archived: number; locked: number }> => {
  const expected = new Date(now);
  expected.setUTCFullYear(expected.getUTCFullYear() + RECEIPT_RETENTION_YEARS);
  let archived = 0;
  let locked = 0;

  for await (const page of paginateListObjectsV2(
    { client: clients.s3 },
    { Bucket: bucket, Prefix: 'receipts/' },
  )) {
    for (const object of page.Contents ?? []) {
      archived += 1;
      const head = await clients.s3.send(
        new HeadObjectCommand({ Bucket: bucket, Key: object.Key }),
      );
      const until = head.ObjectLockRetainUntilDate?.getTime() ?? 0;
      if (
        head.ObjectLockMode === 'GOVERNANCE' &&
        Math.abs(until - expected.getTime()) < 2 * DAY_MS
      ) {
        locked += 1;
      }
    }
  }

  return { archived, locked };
};

const approximateCount = async (
  clients: AwsClients,
  queueUrl: string,
): Promise<number> => {
  const answer = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ],
    }),
  );
  const attributes = answer.Attributes ?? {};

  return (
    Number(attributes.ApproximateNumberOfMessages ?? 0) +
    Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** Messages waiting in every DLQ, by queue name. */
const countDeadLetters = async (
  clients: AwsClients,
  resources: LocalResources,
): Promise<Record<string, number>> => {
  const queues = [
    ...Object.values(resources.queues),
    resources.notificationsQueue,
    resources.containerQueue,
    resources.feedbackQueue,
  ];
  const counts: Record<string, number> = {};
  for (const queue of queues) {
    const name = queue.dlqUrl.slice(queue.dlqUrl.lastIndexOf('/') + 1);
    counts[name] = await approximateCount(clients, queue.dlqUrl);
  }

  return counts;
};

/** Gathers the run's numbers from the store, the emulator and the outbox. */
const collectSummary = async (input: {
  db: Kysely<Database>;
  clients: AwsClients;
  resources: LocalResources;
  startedAt: Date;
  emails: readonly SentEmail[];
  base: Pick<
    RunSummary,
    | 'state'
    | 'store'
    | 'workers'
    | 'checks_due'
    | 'requests_published'
    | 'leie_refresh'
  >;
}): Promise<RunSummary> => {
  const { db, clients, resources } = input;
  const receipts = await countReceipts(clients, resources.bucket, new Date());
  const dlq = await countDeadLetters(clients, resources);
  const notificationLog = await countNotifications(db);
  const emailsByKind: Record<string, number> = {};
  for (const email of input.emails) {
    emailsByKind[email.kind] = (emailsByKind[email.kind] ?? 0) + 1;
  }

  return {
    started_at: input.startedAt.toISOString(),
    ...input.base,
    results_by_source_and_outcome: await resultsBySourceAndOutcome(
      db,
      input.startedAt,
    ),
    duplicate_results: await countDuplicateResults(db),
    receipts_archived: receipts.archived,
    receipts_locked: receipts.locked,
    emails_sent: input.emails.length,
    emails_by_kind: emailsByKind,
    emails_suppressed: notificationLog.suppressed ?? 0,
    notification_log: notificationLog,
    dlq_messages: Object.values(dlq).reduce((a, b) => a + b, 0),
    dlq_by_queue: dlq,
    container_events: await approximateCount(
      clients,
      resources.containerQueue.url,
    ),
    duration_ms: Date.now() - input.startedAt.getTime(),
  };
};

export type { RunSummary };
export { collectSummary };
