import type { DeliveryFaults } from '../poller/deliveryFaults';
import type { ChaosPlan } from './chaosPlan';
import { bump, type ChaosTally } from './chaosTally';
import { type InvocationChaos, runWithChaos } from './invocationChaos';

/**
 * Where an invocation that lived past its last step dies: its handler
 * returned, so everything it did is done; only the delete never came.
 */
const KILLED_BEFORE_DELETE = 'before sqs:DeleteMessage';

/** Options of {@link chaosDeliveryFaults}. */
interface ChaosDeliveryOptions {
  plan: ChaosPlan;
  tally: ChaosTally;
  /** The poller's name: part of every decision's key. */
  poller: string;
  /**
   * Drops the database connection once, during this poller's invocation
   * the plan names (source adapters only); resolves when dropped.
   */
  dropConnection?: (chaos: InvocationChaos) => Promise<void>;
}

/**
 * The faults one poller applies in the chaos run: every message handed
 * over twice (some out of order), the plan's invocations killed at their
 * step, and the one connection drop.
 */
const chaosDeliveryFaults = (options: ChaosDeliveryOptions): DeliveryFaults => {
  const { plan, tally, poller } = options;
  const drop = plan.connectionDrop;

  return {
    copies: (ordinal) => {
      const delivery = plan.delivery(poller, ordinal);
      tally.deliveredTwice += 1;
      if (delivery.outOfOrder) tally.outOfOrder += 1;

      return {
        delaysMs: delivery.copyDelaysMs,
        outOfOrder: delivery.outOfOrder,
      };
    },
    invoke: async (invocation, run) => {
      const chaos: InvocationChaos = {
        label: `${poller}#${invocation}`,
        steps: 0,
        killAfterStep: plan.killStep(poller, invocation),
        killedAt: null,
        queries: 0,
      };
      const { dropConnection } = options;
      if (dropConnection !== undefined && invocation === drop.invocation) {
        chaos.afterQuery = async (state) => {
          if (state.queries !== drop.afterQueries) return;
          delete state.afterQuery;
          await dropConnection(state);
        };
      }
      tally.invocations += 1;

      const value = await runWithChaos(chaos, run);
      // An invocation that lived past its last step dies before its
      // messages are deleted: the handler finished, the delete never came.
      if (chaos.killAfterStep !== null && chaos.killedAt === null) {
        chaos.killedAt = KILLED_BEFORE_DELETE;
      }
      if (chaos.killedAt !== null) bump(tally.killedAt, chaos.killedAt);

      return { value, killedAt: chaos.killedAt };
    },
    retryVisibilitySeconds: (invocation) =>
      plan.retryVisibilitySeconds(poller, invocation),
  };
};

export type { ChaosDeliveryOptions };
export { chaosDeliveryFaults, KILLED_BEFORE_DELETE };
