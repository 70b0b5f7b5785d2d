import type {
  Context,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import {
  type Roster,
  requestForClaim,
  type Store,
} from '../../packages/core/src';
import { claimDueChecks, insertRoster } from '../../packages/core/src/store';
import type { WorkerDeps } from '../../packages/functions/src/runtime/workerDeps';
import type { AwsClients } from '../../packages/local/src/emulator/createAwsClients';
import { createLambdaContext } from '../../packages/local/src/poller/createLambdaContext';
import type { LocalResources } from '../../packages/local/src/provision/localResources';
import { provisionTopology } from '../../packages/local/src/provision/provisionTopology';
import { localDeps } from '../../packages/local/src/run/localDeps';
import {
  type SourceSimulator,
  type SourceSimulatorConfig,
  startSourceSimulator,
} from '../../packages/local/src/simulator/startSourceSimulator';
import { openTestStore } from './db';
import { motoClients, motoEndpoint, uniquePrefix } from './moto';

/** Everything a handler needs, real and local, for one test file. */
interface WorkerHarness {
  store: Store;
  clients: AwsClients;
  resources: LocalResources;
  simulator: SourceSimulator;
  deps: WorkerDeps;
  /** Claims every due check and returns its request message bodies. */
  claimRequests(now?: Date): Promise<string[]>;
  close(): Promise<void>;
}

/** Sets up isolated topology, a simulator, a fresh store and a roster. */
const startWorkerHarness = async (options: {
  name: string;
  roster: Roster;
  simulator?: SourceSimulatorConfig;
}): Promise<WorkerHarness> => {
  const store = await openTestStore();
  await insertRoster(store.db, options.roster);
  const clients = motoClients();
  const resources = await provisionTopology({
    endpoint: motoEndpoint(),
    prefix: uniquePrefix(options.name),
    clients,
  });
  const simulator = await startSourceSimulator({
    slowDelayMs: 10_000,
    ...options.simulator,
  });
  const deps = localDeps({
    db: store.db,
    clients,
    resources,
    simulatorBaseUrl: simulator.baseUrl,
    nppesTimeoutMs: 5_000,
  });

  return {
    store,
    clients,
    resources,
    simulator,
    deps,
    claimRequests: async (now = new Date()) => {
      const claims = await claimDueChecks(store.db, {
        now,
        limit: 1_000,
        leaseMs: 3_600_000,
      });

      return claims.map((claim) => JSON.stringify(requestForClaim(claim, now)));
    },
    close: async () => {
      await simulator.stop();
      clients.destroy();
      await store.close();
    },
  };
};

/** An SQS event as Lambda hands it over, one record per body. */
const sqsEvent = (bodies: readonly string[]): SQSEvent => ({
  Records: bodies.map(
    (body, i): SQSRecord => ({
      messageId: `m-${i}`,
      receiptHandle: `rh-${i}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:test',
      awsRegion: 'us-east-2',
    }),
  ),
});

/** A context for one test invocation. */
const testContext = (functionName: string): Context =>
  createLambdaContext({ functionName, timeoutMs: 60_000 });

type BatchHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

export type { BatchHandler, WorkerHarness };
export { sqsEvent, startWorkerHarness, testContext };
