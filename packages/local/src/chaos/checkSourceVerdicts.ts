import { isBoardSource } from '@rovn/core';
import type { ServedResponse } from '../simulator/simulatorFaults';
import { answerTarget } from './answerTarget';

/** One stored result, as the verdict check reads it. */
interface VerdictResult {
  id: string;
  check_id: string;
  source: string;
  outcome: string;
  receipt_key: string | null;
}

/** One indexed receipt: whose answer it is and its SHA-256. */
interface IndexedReceipt {
  source: string;
  sha256: string;
}

/** What {@link checkSourceVerdicts} counted, and what it found broken. */
interface SourceVerdicts {
  clear: {
    results: number;
    backedByWellFormedAnswer: number;
    /** The same two counts per source. */
    bySource: Record<string, { results: number; backed: number }>;
  };
  /** Results naming an answer the simulator served only as a fault. */
  onFaultyAnswers: { results: number; sourceUnavailable: number };
  violations: string[];
}

/** The simulator route that answers for a source. */
const simulatorRouteOf = (source: string): string =>
  source === 'oig-leie' ? 'leie' : isBoardSource(source) ? 'board' : source;

/** A submit's or notification lookup's answer decides no check. */
const decides = (served: ServedResponse): boolean =>
  !['nursys-submit', 'nursys-notifications'].includes(
    answerTarget(served.route, served.key),
  );

/**
 * Checks every result against what the simulator served, per source:
 * a `clear` must name a receipt of its own source holding bytes served on
 * that source's route as a success without a fault, and for Nursys as a
 * lookup's result (a poll's answer), never the submit's; a result naming
 * bytes served only as a fault must be `source_unavailable`. A board
 * search or a Nursys lookup makes several calls, each archived: the
 * result names the last, so a fault anywhere before it stops the check
 * there and is the one named.
 */
const checkSourceVerdicts = (input: {
  results: readonly VerdictResult[];
  receipts: ReadonlyMap<string, IndexedReceipt>;
  served: readonly ServedResponse[];
}): SourceVerdicts => {
  const wellFormed = new Set<string>();
  const faulty = new Set<string>();
  for (const served of input.served) {
    const answer = `${served.route} ${served.sha256}`;
    if (served.fault !== null) faulty.add(answer);
    else if (served.status === 200 && decides(served)) wellFormed.add(answer);
  }

  const violations: string[] = [];
  const bySource: SourceVerdicts['clear']['bySource'] = {};
  let clear = 0;
  let backed = 0;
  let onFaulty = 0;
  let sourceUnavailable = 0;
  for (const result of input.results) {
    const receipt =
      result.receipt_key === null
        ? undefined
        : input.receipts.get(result.receipt_key);
    const answer =
      receipt?.source === result.source
        ? `${simulatorRouteOf(result.source)} ${receipt.sha256}`
        : undefined;
    const label = `result ${result.id} (check ${result.check_id})`;

    if (result.outcome === 'clear') {
      const counts = bySource[result.source] ?? { results: 0, backed: 0 };
      bySource[result.source] = counts;
      clear += 1;
      counts.results += 1;
      if (answer !== undefined && wellFormed.has(answer)) {
        backed += 1;
        counts.backed += 1;
      } else {
        violations.push(
          `${label} is clear without a well-formed ${result.source} answer behind it`,
        );
      }
    }
    if (answer !== undefined && faulty.has(answer) && !wellFormed.has(answer)) {
      onFaulty += 1;
      if (result.outcome === 'source_unavailable') sourceUnavailable += 1;
      else {
        violations.push(
          `${label} is ${result.outcome} on a faulty ${result.source} answer`,
        );
      }
    }
  }

  return {
    clear: { results: clear, backedByWellFormedAnswer: backed, bySource },
    onFaultyAnswers: { results: onFaulty, sourceUnavailable },
    violations,
  };
};

export type { IndexedReceipt, SourceVerdicts, VerdictResult };
export { checkSourceVerdicts };
