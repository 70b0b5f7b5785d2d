/** How one received message is handed to the handler under faults. */
interface CopyPlan {
  /** Delay of each copy after the receive, in ms; one entry per copy. */
  delaysMs: readonly number[];
  /** Held back behind messages received after it. */
  outOfOrder: boolean;
}

/** How one invocation ended under faults. */
interface FaultyInvocation<T> {
  value: T;
  /** The step it was killed after, or null when it lived. */
  killedAt: string | null;
}

/**
 * Faults a poller applies when given them (the chaos run): several copies
 * of each message, some out of order, and invocations that may be killed;
 * a killed invocation's messages come back after a short visibility, as a
 * crashed Lambda's do once theirs runs out (failures keep the queue's).
 */
interface DeliveryFaults {
  /** For the n-th message (1-based) this poller received. */
  copies(ordinal: number): CopyPlan;
  /** Runs the n-th invocation (1-based) under its faults. */
  invoke<T>(
    invocation: number,
    run: () => Promise<T>,
  ): Promise<FaultyInvocation<T>>;
  /** Seconds until the messages of a killed invocation are visible again. */
  retryVisibilitySeconds(invocation: number): number;
}

export type { CopyPlan, DeliveryFaults, FaultyInvocation };
