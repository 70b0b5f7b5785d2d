import { randomUUID } from 'node:crypto';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import {
  archiveReceipt,
  publishRequests,
  putCompletedEvent,
  SOURCES,
  type SourceId,
  type VerificationRequested,
} from '@rovn/core';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { createAwsClients } from '../packages/local/src/emulator/createAwsClients';
import { startMotoServer } from '../packages/local/src/emulator/startMotoServer';
import {
  type QueuePoller,
  startQueuePoller,
} from '../packages/local/src/poller/startQueuePoller';
import { waitUntilDrained } from '../packages/local/src/poller/waitUntilDrained';
import { provisionTopology } from '../packages/local/src/provision/provisionTopology';

/** How much of the local run's traffic the baseline repeats. */
interface BaselineLoad {
  /** Checks per source, as the sweep published them. */
  checksBySource: Record<SourceId, number>;
  /** Completed events the bus routes to the notifier. */
  notifiable: number;
  /** Emails the notifier sends per notification message. */
  emailsPerNotice: number;
}

/** The baseline's throughput and the calls it made. */
interface BaselineResult {
  checks: number;
  seconds: number;
  per_s: number;
  calls: Record<string, number>;
}

/** The same settings as the local run (packages/local/src/run/runLocal.ts). */
const VISIBILITY_TIMEOUT_SECONDS = 60;
const TIMEOUT_SECONDS = 50;

const request = (source: SourceId, n: number): VerificationRequested => {
  const now = new Date().toISOString();

  return {
    type: 'verification.requested',
    requestId: randomUUID(),
    checkId: `chk-b-${n}-${source}`,
    source,
    workerId: `b-${n}`,
    credentialId: `b-${n}-${source}`,
    dueAt: now,
    requestedAt: now,
  };
};

/**
 * The emulator doing only what the local loop asks of it, with no logic:
 * on a fresh moto_server with the same topology (so the bus rules and the
 * subscription filters cost what they cost there), the sweep's
 * PublishBatch calls, then pollers with the same batch sizes and
 * concurrency whose handlers make each check's calls (two receipt
 * PutObjects for a per-subject source, one PutEvents) and, for the
 * notifier, SendRawEmail. Timed from the first publish to drained queues.
 */
const runEmulatorBaseline = async (
  load: BaselineLoad,
): Promise<BaselineResult> => {
  const calls: Record<string, number> = {};
  const count = (call: string, n = 1): void => {
    calls[call] = (calls[call] ?? 0) + n;
  };
  const moto = await startMotoServer();
  const clients = createAwsClients(moto.endpoint);
  const pollers: QueuePoller[] = [];
  try {
    const resources = await provisionTopology({
      endpoint: moto.endpoint,
      clients,
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
    });
    const requests = Object.entries(load.checksBySource).flatMap(
      ([source, checks]) =>
        Array.from({ length: checks }, (_, n) =>
          request(source as SourceId, n),
        ),
    );
    let notified = 0;

    const checkCalls = async (record: SQSRecord): Promise<void> => {
      const message = JSON.parse(record.body) as VerificationRequested;
      if (SOURCES[message.source].kind === 'per-subject') {
        await archiveReceipt(
          { s3: clients.s3, bucket: resources.bucket },
          {
            source: message.source,
            body: new TextEncoder().encode(record.body),
            status: 200,
            contentType: 'application/json',
            request: { method: 'GET', url: 'https://baseline.invalid/' },
            fetchedAt: new Date(),
            adapterVersion: 'baseline',
          },
        );
        count('s3:PutObject', 2);
      }
      const notify = notified < load.notifiable;
      notified += notify ? 1 : 0;
      await putCompletedEvent(clients.eventBridge, resources.busName, {
        type: 'verification.completed',
        requestId: message.requestId,
        resultId: randomUUID(),
        checkId: message.checkId,
        source: message.source,
        workerId: message.workerId,
        credentialId: message.credentialId,
        outcome: notify ? 'flagged' : 'clear',
        previousOutcome: null,
        changed: notify,
        findingCodes: [],
        receiptKey: null,
        adapterVersion: 'baseline',
        checkedAt: new Date().toISOString(),
      });
      count('events:PutEvents');
    };
    const noticeCalls = async (): Promise<void> => {
      for (let i = 0; i < load.emailsPerNotice; i += 1) {
        await clients.ses.send(
          new SendRawEmailCommand({
            Source: resources.sesFrom,
            Destinations: ['baseline@workers.rovn.example'],
            RawMessage: {
              Data: new TextEncoder().encode(
                `From: ${resources.sesFrom}\r\nTo: baseline@workers.rovn.example\r\nSubject: baseline\r\n\r\nbaseline\r\n`,
              ),
            },
          }),
        );
        count('ses:SendRawEmail');
      }
    };
    const eachRecord =
      (calls: (record: SQSRecord) => Promise<void>) =>
      async (event: SQSEvent) => {
        await Promise.all(event.Records.map(calls));
      };

    const started = performance.now();
    await publishRequests(clients.sns, resources.topicArn, requests);
    count('sns:PublishBatch', Math.ceil(requests.length / 10));
    for (const source of Object.values(SOURCES)) {
      pollers.push(
        startQueuePoller({
          sqs: clients.sqs,
          queueUrl: resources.queues[source.id].url,
          queueArn: resources.queues[source.id].arn,
          batchSize: source.queue.batchSize,
          maxConcurrency: source.queue.maxConcurrency,
          handler: eachRecord(checkCalls),
          name: `${source.adapter.id}-baseline`,
          timeoutSeconds: TIMEOUT_SECONDS,
        }),
      );
    }
    pollers.push(
      startQueuePoller({
        sqs: clients.sqs,
        queueUrl: resources.notificationsQueue.url,
        queueArn: resources.notificationsQueue.arn,
        batchSize: 10,
        maxConcurrency: 2,
        handler: eachRecord(noticeCalls),
        name: 'notifier-baseline',
        timeoutSeconds: TIMEOUT_SECONDS,
      }),
    );
    await waitUntilDrained({
      sqs: clients.sqs,
      queueUrls: [
        ...Object.values(resources.queues).map((q) => q.url),
        resources.notificationsQueue.url,
      ],
      pollers,
      timeoutMs: 20 * 60_000,
      intervalMs: 500,
    });
    const seconds = (performance.now() - started) / 1000;
    for (const poller of pollers) {
      count('sqs:ReceiveMessage(batches)', poller.stats.batches);
      count('sqs:DeleteMessageBatch(messages)', poller.stats.deleted);
    }

    return {
      checks: requests.length,
      seconds,
      per_s: requests.length / seconds,
      calls,
    };
  } finally {
    await Promise.all(pollers.map((p) => p.stop()));
    clients.destroy();
    await moto.stop();
  }
};

export type { BaselineLoad, BaselineResult };
export { runEmulatorBaseline };
