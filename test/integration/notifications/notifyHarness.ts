import { randomBytes } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { Log } from '../../../packages/core/src/log/logger';
import {
  insertRoster,
  type Roster,
  type Store,
} from '../../../packages/core/src/store';
import type { WorkerDeps } from '../../../packages/functions/src/runtime/workerDeps';
import type { AwsClients } from '../../../packages/local/src/emulator/createAwsClients';
import { readSentEmailsFromMoto } from '../../../packages/local/src/outbox/readSentEmailsFromMoto';
import type { SentEmail } from '../../../packages/local/src/outbox/sentEmail';
import { createLambdaContext } from '../../../packages/local/src/poller/createLambdaContext';
import { toSqsRecord } from '../../../packages/local/src/poller/toSqsRecord';
import type { LocalResources } from '../../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../../packages/local/src/provision/provisionTopology';
import { localDeps } from '../../../packages/local/src/run/localDeps';
import { openTestStore } from '../../helpers/db';
import { motoClients, motoEndpoint, uniquePrefix } from '../../helpers/moto';

/** A log that keeps every line, to assert what was (not) written. */
interface CapturedLog extends Log {
  lines: { level: string; message: string; attributes: unknown }[];
}

const captureLog = (): CapturedLog => {
  const lines: CapturedLog['lines'] = [];
  const write =
    (level: string) =>
    (message: string, attributes: Record<string, unknown> = {}) => {
      lines.push({ level, message, attributes });
    };

  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
};

/** A store, an isolated topology in the shared moto, and handler deps. */
interface NotifyHarness {
  store: Store;
  clients: AwsClients;
  resources: LocalResources;
  deps: WorkerDeps;
  /** A suffix unique to this harness, for ids and addresses. */
  tag: string;
  /** Every email moto accepted for one of these addresses. */
  sentTo(...addresses: string[]): Promise<SentEmail[]>;
  /** Receives (and deletes) what a queue holds, as a Lambda SQS event. */
  drain(queue: { url: string; arn: string }): Promise<SQSEvent>;
  close(): Promise<void>;
}

const receiveAll = async (
  clients: AwsClients,
  queueUrl: string,
): Promise<Message[]> => {
  const all: Message[] = [];
  for (let round = 0; round < 5; round++) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: all.length === 0 ? 2 : 0,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    all.push(...Messages);
    await clients.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({
          Id: String(i),
          ReceiptHandle: m.ReceiptHandle,
        })),
      }),
    );
  }

  return all;
};

/** The bare address of a `Name <address>` mailbox, lower case. */
const addressOf = (mailbox: string): string =>
  (/<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();

/** Starts a harness; `clock` fixes the handlers' now. */
const startNotifyHarness = async (options: {
  name: string;
  roster?: (tag: string) => Roster;
  clock?: () => Date;
}): Promise<NotifyHarness> => {
  const tag = randomBytes(4).toString('hex');
  const store = await openTestStore();
  if (options.roster !== undefined) {
    await insertRoster(store.db, options.roster(tag));
  }
  const clients = motoClients();
  const resources = await provisionTopology({
    endpoint: motoEndpoint(),
    prefix: uniquePrefix(options.name),
    clients,
  });
  const deps = localDeps({
    db: store.db,
    clients,
    resources,
    simulatorBaseUrl: 'http://127.0.0.1:9',
    nppesTimeoutMs: 1_000,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });

  return {
    store,
    clients,
    resources,
    deps,
    tag,
    sentTo: async (...addresses) => {
      const wanted = new Set(addresses.map((a) => a.toLowerCase()));
      const emails = await readSentEmailsFromMoto(motoEndpoint());

      return emails
        .map((email) => ({ ...email, to: addressOf(email.to) }))
        .filter((email) => wanted.has(email.to));
    },
    drain: async (queue) => ({
      Records: (await receiveAll(clients, queue.url)).map((m) =>
        toSqsRecord(m, queue.arn),
      ),
    }),
    close: async () => {
      clients.destroy();
      await store.close();
    },
  };
};

/** A Lambda context for a handler invoked by hand. */
const lambdaContext = (functionName: string) =>
  createLambdaContext({ functionName, timeoutMs: 60_000 });

export type { CapturedLog, NotifyHarness };
export { captureLog, lambdaContext, startNotifyHarness };
