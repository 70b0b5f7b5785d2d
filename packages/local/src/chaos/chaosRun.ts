import type { Database } from '@rovn/core';
import type { Kysely } from 'kysely';
import type { AwsClients } from '../emulator/createAwsClients';
import type { DeliveryFaults } from '../poller/deliveryFaults';
import type { SimulatorFaults } from '../simulator/simulatorFaults';
import { answerTarget } from './answerTarget';
import { chaosDeliveryFaults } from './chaosDeliveryFaults';
import { type ChaosPlan, createChaosPlan } from './chaosPlan';
import { ChaosStorePlugin } from './chaosStorePlugin';
import { bump, type ChaosTally, emptyTally } from './chaosTally';
import { connectionDropper } from './connectionDropper';
import { installChaosMiddleware } from './installChaosMiddleware';
import { createNoticeSends, type NoticeSends } from './noticeSends';

/** Options of {@link startChaos}. */
interface ChaosRunOptions {
  seed: number;
  /** The PostgreSQL server the store uses; undefined for PGlite. */
  databaseUrl?: string;
  /** Every source's time limit in the run; faults hold answers twice that. */
  sourceTimeoutMs: number;
}

/** The pieces of the local run that the chaos run replaces or adds. */
interface ChaosRun {
  plan: ChaosPlan;
  tally: ChaosTally;
  simulatorFaults: SimulatorFaults;
  /** Emails SES accepted from the handlers, by invocation. */
  noticeSends: NoticeSends;
  /** The handlers' AWS clients get the kill and duplicate middleware. */
  wrapClients(clients: AwsClients): void;
  /** The handlers' store: every query a step that may be the last. */
  wrapStore(db: Kysely<Database>): Kysely<Database>;
  /** The faults of one poller; source adapters may lose the connection. */
  faultsFor(poller: string, isSourceAdapter: boolean): DeliveryFaults;
}

/**
 * Sets up the seeded chaos of issue #8 for a local run: duplicated and
 * reordered deliveries, killed invocations, faulty source answers and one
 * dropped database connection, all drawn from one plan.
 */
const startChaos = (options: ChaosRunOptions): ChaosRun => {
  const plan = createChaosPlan({ seed: options.seed });
  const tally = emptyTally();
  const noticeSends = createNoticeSends();
  const drop = connectionDropper(options.databaseUrl, tally);
  const dropOnce: typeof drop = async (chaos) => {
    if (tally.connectionDrop !== null) return;
    await drop(chaos);
  };

  return {
    plan,
    tally,
    simulatorFaults: {
      faultFor: (route, key, attempt) => {
        const fault = plan.sourceFault(route, key, attempt);
        if (fault !== null) {
          bump(tally.sourceFaults, `${answerTarget(route, key)} ${fault}`);
        }

        return fault;
      },
      timeoutDelayMs: options.sourceTimeoutMs * 2,
    },
    noticeSends,
    wrapClients: (clients) =>
      installChaosMiddleware(clients, tally, noticeSends),
    wrapStore: (db) => db.withPlugin(new ChaosStorePlugin()),
    faultsFor: (poller, isSourceAdapter) =>
      chaosDeliveryFaults({
        plan,
        tally,
        poller,
        ...(isSourceAdapter ? { dropConnection: dropOnce } : {}),
      }),
  };
};

/** Ids of the checks due at `now` that no live lease holds. */
const dueCheckIds = async (
  db: Kysely<Database>,
  now: Date,
): Promise<string[]> => {
  const rows = await db
    .selectFrom('checks')
    .select('id')
    .where('next_due_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('lease_expires_at', 'is', null),
        eb('lease_expires_at', '<=', now),
      ]),
    )
    .orderBy('id')
    .execute();

  return rows.map((row) => row.id);
};

export type { ChaosRun, ChaosRunOptions };
export { dueCheckIds, startChaos };
