import { AsyncLocalStorage } from 'node:async_hooks';
import { ChaosKill } from './errors';

/** The chaos state of one handler invocation. */
interface InvocationChaos {
  /** Poller name and invocation number, for messages. */
  label: string;
  /** Steps (AWS calls, store queries) taken so far. */
  steps: number;
  /** Die after this step; null for an invocation left to live. */
  killAfterStep: number | null;
  /** The step it died after, once it has. */
  killedAt: string | null;
  /** Store queries so far (the connection drop counts these). */
  queries: number;
  /** Called after each store query, e.g. to drop the connection. */
  afterQuery?: (chaos: InvocationChaos) => Promise<void>;
}

const storage = new AsyncLocalStorage<InvocationChaos>();

/** Runs one invocation with its chaos state reachable from every hook. */
const runWithChaos = <T>(chaos: InvocationChaos, run: () => Promise<T>) =>
  storage.run(chaos, run);

/** The running invocation's chaos state, if any. */
const currentChaos = (): InvocationChaos | undefined => storage.getStore();

/**
 * Refuses any call of an invocation that was killed already: a dead
 * process writes nothing more.
 */
const assertAlive = (): void => {
  const chaos = storage.getStore();
  if (chaos?.killedAt) {
    throw new ChaosKill(`${chaos.label} was killed ${chaos.killedAt}`, {
      context: { invocation: chaos.label },
    });
  }
};

/**
 * Counts one step of the running invocation and kills it when the plan
 * says this is its last.
 *
 * @param label - what just happened, e.g. `after s3:PutObject`
 * @throws ChaosKill when the invocation dies here
 */
const chaosStep = (label: string): void => {
  const chaos = storage.getStore();
  if (chaos === undefined) return;
  assertAlive();
  chaos.steps += 1;
  if (chaos.killAfterStep !== null && chaos.steps >= chaos.killAfterStep) {
    chaos.killedAt = label;
    throw new ChaosKill(`${chaos.label} killed ${label}`, {
      context: { invocation: chaos.label, step: chaos.steps },
    });
  }
};

export type { InvocationChaos };
export { assertAlive, chaosStep, currentChaos, runWithChaos };
