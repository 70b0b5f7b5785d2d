import { BOARDS, type BoardSourceId } from '../sources/board-saas/boards';
import type { SourceId } from '../topology/sources';
import type { AllowListKey } from './allowList';
import type { EgressLimits } from './types';

const MIB = 1024 * 1024;

/** A board page of ten records is a few kilobytes; every board alike. */
const boardLimits = (): Record<BoardSourceId, EgressLimits> =>
  Object.fromEntries(
    BOARDS.map((board) => [board.id, { maxBytes: 1 * MIB, timeoutMs: 15_000 }]),
  ) as Record<BoardSourceId, EgressLimits>;

/**
 * Default size and time bounds per source. The LEIE file is about 15 MB,
 * so its cap leaves room for growth while still stopping a runaway stream.
 * Keyed like the allow-list so pending sources are ready too.
 */
const DEFAULT_EGRESS_LIMITS = {
  nppes: { maxBytes: 2 * MIB, timeoutMs: 10_000 },
  'oig-leie': { maxBytes: 64 * MIB, timeoutMs: 120_000 },
  sam: { maxBytes: 2 * MIB, timeoutMs: 15_000 },
  // A nurse lookup answer is small; a notification lookup lists a day of
  // changes for every enrolled nurse, so it gets more room.
  nursys: { maxBytes: 8 * MIB, timeoutMs: 20_000 },
  ...boardLimits(),
} as const satisfies Record<AllowListKey, EgressLimits>;

/** Per-source overrides of the default limits. */
type EgressLimitOverrides = Partial<Record<SourceId, Partial<EgressLimits>>>;

/** The limits that apply to one source after overrides. */
const limitsFor = (
  source: SourceId,
  overrides: EgressLimitOverrides = {},
): EgressLimits => ({ ...DEFAULT_EGRESS_LIMITS[source], ...overrides[source] });

export type { EgressLimitOverrides };
export { DEFAULT_EGRESS_LIMITS, limitsFor };
