import {
  createEgressClient,
  type Database,
  type EgressLimitOverrides,
  SOURCE_IDS,
} from '@rovn/core';
import type { WorkerDeps } from '@rovn/functions';
import type { Kysely } from 'kysely';
import type { AwsClients } from '../emulator/createAwsClients';
import type { LocalResources } from '../provision/localResources';
import { simulatorRewrite } from '../simulator/simulatorRewrite';

/** The app link put in local emails. */
const LOCAL_APP_URL = 'https://app.rovn.example';

/** Where local operator notices go (outages, unreachable facilities). */
const LOCAL_OPERATOR_EMAIL = 'operators@rovn.example';

/**
 * The handlers' dependencies on the local stack: emulator clients, the
 * local store, and an egress client whose only loosening is the explicit
 * local allowance that maps production source URLs onto the simulator.
 */
const localDeps = (options: {
  db: Kysely<Database>;
  clients: AwsClients;
  resources: LocalResources;
  simulatorBaseUrl: string;
  nppesTimeoutMs: number;
  /** One time limit for every source (the chaos run), over the NPPES one. */
  allSourcesTimeoutMs?: number;
  /** When a notice reservation counts as a dead notifier's (chaos run). */
  noticeStaleAfterMs?: number;
  clock?: () => Date;
}): WorkerDeps => {
  const { clients, resources } = options;
  const everySource = options.allSourcesTimeoutMs;
  const limits: EgressLimitOverrides =
    everySource === undefined
      ? { nppes: { timeoutMs: options.nppesTimeoutMs } }
      : Object.fromEntries(
          SOURCE_IDS.map((id) => [id, { timeoutMs: everySource }]),
        );

  return {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    sns: clients.sns,
    s3: clients.s3,
    eventBridge: clients.eventBridge,
    ses: clients.ses,
    cloudWatch: clients.cloudWatch,
    egress: createEgressClient({
      stage: 'local',
      localAllowance: {
        hosts: ['127.0.0.1'],
        allowHttp: true,
        allowLoopback: true,
        rewrite: simulatorRewrite(options.simulatorBaseUrl),
      },
      limits,
    }),
    settings: {
      topicArn: resources.topicArn,
      busName: resources.busName,
      bucket: resources.bucket,
      sesFrom: resources.sesFrom,
      configurationSet: resources.configurationSet,
      appBaseUrl: LOCAL_APP_URL,
      operatorEmail: LOCAL_OPERATOR_EMAIL,
      ...(options.noticeStaleAfterMs === undefined
        ? {}
        : { noticeStaleAfterMs: options.noticeStaleAfterMs }),
    },
  };
};

export { LOCAL_APP_URL, LOCAL_OPERATOR_EMAIL, localDeps };
