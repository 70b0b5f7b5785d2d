/** What the chaos run did, for the report. */
interface ChaosTally {
  /** Messages handed to a handler twice (every received one). */
  deliveredTwice: number;
  /** Of those, held back and handed over out of order. */
  outOfOrder: number;
  /** SNS publish calls (single or batch) sent twice by the client. */
  publishedTwice: number;
  invocations: number;
  /** Killed invocations, by the step they died after. */
  killedAt: Record<string, number>;
  /**
   * Source requests answered with a fault, by what they asked for and the
   * fault (`nppes http500`, `nursys-poll timeout`; see `answerTarget`).
   */
  sourceFaults: Record<string, number>;
  /** How the database connection was dropped, once; null before. */
  connectionDrop: string | null;
}

/** A tally with every count at zero. */
const emptyTally = (): ChaosTally => ({
  deliveredTwice: 0,
  outOfOrder: 0,
  publishedTwice: 0,
  invocations: 0,
  killedAt: {},
  sourceFaults: {},
  connectionDrop: null,
});

/** Adds one to a named count. */
const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export type { ChaosTally };
export { bump, emptyTally };
