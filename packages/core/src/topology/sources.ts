/**
 * The sources the worker tier verifies against, and how each one is wired.
 *
 * This is the single declaration that the SST stacks and the local stack
 * both read, so the deployed topology and the local one cannot drift.
 */

import {
  BOARD_SOURCE_IDS,
  BOARDS,
  type BoardSourceId,
} from '../sources/board-saas/boards';

/** Stable source ids; also the SNS `source` message attribute value. */
const SOURCE_IDS = [
  'nppes',
  'oig-leie',
  'sam',
  'nursys',
  ...BOARD_SOURCE_IDS,
] as const;

type SourceId = (typeof SOURCE_IDS)[number];

/**
 * `per-subject` sources are called once per check; `bulk` sources are
 * downloaded whole by a refresh job and checks screen against the stored
 * copy.
 */
type SourceKind = 'per-subject' | 'bulk';

/** How the adapter queue of one source is set up. */
interface QueueSettings {
  /** SQS batch size handed to one adapter invocation. */
  batchSize: number;
  /** Receives before a message moves to the source's DLQ. */
  maxReceiveCount: number;
  /** Upper bound on concurrent adapter invocations for this source. */
  maxConcurrency: number;
}

/** One Lambda function of the tier. */
interface FunctionSpec {
  /** Logical id, also the local poller's name. */
  id: string;
  /** Handler path in SST's `file.export` form, relative to the repo root. */
  handler: string;
  timeoutSeconds: number;
  memoryMb: number;
}

interface SourceTopology {
  id: SourceId;
  kind: SourceKind;
  /** Human name used in emails and reports. */
  title: string;
  adapter: FunctionSpec;
  queue: QueueSettings;
}

/**
 * One entry per configured state board: each has its own queue and
 * function (so one slow board holds no other back), all running the same
 * board adapter code, which picks the board from the request's source.
 */
const boardSources = (): Record<BoardSourceId, SourceTopology> =>
  Object.fromEntries(
    BOARDS.map((board): [BoardSourceId, SourceTopology] => [
      board.id,
      {
        id: board.id,
        kind: 'per-subject',
        title: board.title,
        adapter: {
          id: `${board.id}-adapter`,
          handler: 'packages/functions/src/boardAdapter.handler',
          // Up to five pages per check.
          timeoutSeconds: 60,
          memoryMb: 512,
        },
        queue: { batchSize: 5, maxReceiveCount: 5, maxConcurrency: 2 },
      },
    ]),
  ) as Record<BoardSourceId, SourceTopology>;

const SOURCES: Record<SourceId, SourceTopology> = {
  nppes: {
    id: 'nppes',
    kind: 'per-subject',
    title: 'NPPES NPI Registry',
    adapter: {
      id: 'nppes-adapter',
      handler: 'packages/functions/src/nppesAdapter.handler',
      timeoutSeconds: 30,
      memoryMb: 512,
    },
    queue: { batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
  },
  'oig-leie': {
    id: 'oig-leie',
    kind: 'bulk',
    title: 'OIG List of Excluded Individuals/Entities',
    adapter: {
      id: 'leie-screen',
      handler: 'packages/functions/src/leieScreen.handler',
      timeoutSeconds: 30,
      memoryMb: 512,
    },
    queue: { batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
  },
  // Small batches and low concurrency: every SAM.gov call spends the daily
  // quota, so a backlog should drain slowly rather than burst.
  sam: {
    id: 'sam',
    kind: 'per-subject',
    title: 'SAM.gov Exclusions',
    adapter: {
      id: 'sam-adapter',
      handler: 'packages/functions/src/samAdapter.handler',
      timeoutSeconds: 30,
      memoryMb: 512,
    },
    queue: { batchSize: 5, maxReceiveCount: 5, maxConcurrency: 2 },
  },
  // A lookup is submitted, then polled for up to half a minute inside the
  // invocation (see NURSYS_POLLING): small batches keep one batch within
  // the time limit, and the institution account is not hammered.
  nursys: {
    id: 'nursys',
    kind: 'per-subject',
    title: 'Nursys e-Notify',
    adapter: {
      id: 'nursys-adapter',
      handler: 'packages/functions/src/nursysAdapter.handler',
      timeoutSeconds: 180,
      memoryMb: 512,
    },
    queue: { batchSize: 2, maxReceiveCount: 5, maxConcurrency: 3 },
  },
  ...boardSources(),
};

/**
 * SQS visibility timeout for a queue whose consumer has the given timeout.
 * AWS recommends at least six times the function timeout.
 */
const visibilityTimeoutFor = (consumerTimeoutSeconds: number): number =>
  consumerTimeoutSeconds * 6;

const isSourceId = (value: string): value is SourceId =>
  (SOURCE_IDS as readonly string[]).includes(value);

export type {
  FunctionSpec,
  QueueSettings,
  SourceId,
  SourceKind,
  SourceTopology,
};
export { isSourceId, SOURCE_IDS, SOURCES, visibilityTimeoutFor };
