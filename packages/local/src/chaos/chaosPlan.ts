import { seededRandom } from '@rovn/core';

/** A source fault the simulator serves instead of its real answer. */
type SourceFault = 'http500' | 'http429' | 'timeout' | 'malformed';

const SOURCE_FAULTS: readonly SourceFault[] = [
  'http500',
  'http429',
  'timeout',
  'malformed',
];

/** When one received message is handed to the handler, twice. */
interface DeliveryPlan {
  /** Delay of each copy after the receive, in ms. */
  copyDelaysMs: [number, number];
  /** Held back and handed over later, behind messages received after it. */
  outOfOrder: boolean;
}

/** How the chaos run treats one store: the once-only connection drop. */
interface ConnectionDropPlan {
  /** The n-th invocation (1-based) of any source adapter... */
  invocation: number;
  /** ...loses its connection after this many of its queries. */
  afterQueries: number;
}

/** Rates of the chaos run; defaults are issue #8's. */
interface ChaosRates {
  /** Share of received messages handed over out of order (0.3). */
  outOfOrder: number;
  /** Share of handler invocations killed at a random step (0.1). */
  kill: number;
  /** Share of source requests answered with a fault (0.25). */
  sourceFault: number;
}

/** Options of {@link createChaosPlan}. */
interface ChaosPlanOptions {
  seed: number;
  rates?: Partial<ChaosRates>;
  /** Kill points are drawn from steps 1..maxKillStep (default 24). */
  maxKillStep?: number;
  /** Longest hold-back of an out-of-order message (default 3 000 ms). */
  maxHoldMs?: number;
}

/** The seeded fault plan: every decision a pure function of seed and key. */
interface ChaosPlan {
  seed: number;
  rates: ChaosRates;
  delivery(poller: string, ordinal: number): DeliveryPlan;
  /** The step after which the invocation dies, or null to let it live. */
  killStep(poller: string, invocation: number): number | null;
  /** Seconds until a crashed or failed message is visible again (0-2). */
  retryVisibilitySeconds(poller: string, invocation: number): number;
  /** The fault for one source request, by its key and attempt number. */
  sourceFault(route: string, key: string, attempt: number): SourceFault | null;
  connectionDrop: ConnectionDropPlan;
}

const DEFAULT_RATES: ChaosRates = {
  outOfOrder: 0.3,
  kill: 0.1,
  sourceFault: 0.25,
};

/** FNV-1a over the key, mixed with the seed: a 32-bit generator seed. */
const keyHash = (seed: number, key: string): number => {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }

  return hash;
};

/**
 * Builds the fault plan of a chaos run. Decisions are drawn from the seed
 * and a stable key (poller name and ordinal, source route, request key and
 * attempt), never from the clock, so one seed always gives the same plan;
 * which message meets which decision still depends on timing.
 *
 * @example
 * const plan = createChaosPlan({ seed: 8 });
 * plan.sourceFault('nppes', 'number=1234567893', 1); // same every run
 */
const createChaosPlan = (options: ChaosPlanOptions): ChaosPlan => {
  const { seed } = options;
  const rates = { ...DEFAULT_RATES, ...options.rates };
  const maxKillStep = options.maxKillStep ?? 24;
  const maxHoldMs = options.maxHoldMs ?? 3_000;
  const draws = (...key: (string | number)[]): (() => number) =>
    seededRandom(keyHash(seed, key.join('\u0000')));
  const drop = draws('connection-drop');

  return {
    seed,
    rates,
    delivery: (poller, ordinal) => {
      const next = draws('delivery', poller, ordinal);
      const outOfOrder = next() < rates.outOfOrder;
      const first = outOfOrder ? 500 + Math.floor(next() * maxHoldMs) : 0;
      const second = first + 50 + Math.floor(next() * maxHoldMs);

      return { copyDelaysMs: [first, second], outOfOrder };
    },
    killStep: (poller, invocation) => {
      const next = draws('kill', poller, invocation);
      if (next() >= rates.kill) return null;

      return 1 + Math.floor(next() * maxKillStep);
    },
    retryVisibilitySeconds: (poller, invocation) =>
      Math.floor(draws('visibility', poller, invocation)() * 3),
    sourceFault: (route, key, attempt) => {
      const next = draws('source', route, key, attempt);
      if (next() >= rates.sourceFault) return null;

      return SOURCE_FAULTS[Math.floor(next() * SOURCE_FAULTS.length)] ?? null;
    },
    connectionDrop: {
      invocation: 2 + Math.floor(drop() * 4),
      afterQueries: 3 + Math.floor(drop() * 10),
    },
  };
};

export type {
  ChaosPlan,
  ChaosPlanOptions,
  ChaosRates,
  ConnectionDropPlan,
  DeliveryPlan,
  SourceFault,
};
export { createChaosPlan, SOURCE_FAULTS };
