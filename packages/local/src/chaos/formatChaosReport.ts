import type { ChaosTally } from './chaosTally';
import type { ChaosInvariants } from './checkChaosInvariants';

/** What a chaos run reports: its seed, what it did, what it checked. */
interface ChaosReport {
  seed: number;
  tally: ChaosTally;
  invariants: ChaosInvariants;
}

const listed = (counts: Record<string, number | string>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ') || 'none';

const sum = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** The chaos run's report as printed lines. */
const formatChaosReport = ({
  seed,
  tally,
  invariants,
}: ChaosReport): string => {
  const { checks, dlq, receipts, notices, clear, onFaultyAnswers } = invariants;
  const clearBySource = Object.fromEntries(
    Object.entries(clear.bySource).map(([source, n]) => [
      source,
      n.results === n.backed ? n.results : `${n.backed}/${n.results}`,
    ]),
  );
  const lines = [
    `Chaos run, seed ${seed}`,
    `  faults: ${tally.deliveredTwice} messages delivered twice (${tally.outOfOrder} out of order), ${tally.publishedTwice} SNS publish calls doubled`,
    `  killed ${sum(tally.killedAt)} of ${tally.invocations} invocations: ${listed(tally.killedAt)}`,
    `  source faults (${sum(tally.sourceFaults)}): ${listed(tally.sourceFaults)}`,
    `  database: ${tally.connectionDrop ?? 'connection never dropped'}`,
    `  checks due ${checks.due} (${listed(checks.dueBySource)}): ${checks.withOneResult} with exactly one result, ${checks.inDlqWithReason} in a DLQ with a reason, ${checks.withSeveralResults} with several, ${checks.withoutOutcome} with none`,
    `  DLQ messages ${dlq.messages}, ${dlq.withReason} with a recorded reason`,
    `  receipts: ${receipts.rows} rows, ${receipts.distinctContent} distinct contents, ${receipts.namedButMissing} named by results but missing, ${receipts.objects} objects in the bucket`,
    `  notices: ${notices.expected} change notices due, ${notices.logRows} log rows (${notices.distinctKeys} distinct keys), ${notices.sent} sent, ${notices.suppressed} suppressed, ${notices.unfinished} unfinished, ${notices.emails} emails (${notices.resentAfterKill} sent again after their notifier was killed before marking them sent)`,
    `  clear results ${clear.results}, ${clear.backedByWellFormedAnswer} backed by a well-formed answer of their source (${listed(clearBySource)})`,
    `  results on a faulty answer ${onFaultyAnswers.results}, ${onFaultyAnswers.sourceUnavailable} source_unavailable`,
    invariants.violations.length === 0
      ? '  every invariant held'
      : `  ${invariants.violations.length} invariants broken:`,
    ...invariants.violations.map((v) => `    - ${v}`),
  ];

  return lines.join('\n');
};

export type { ChaosReport };
export { formatChaosReport };
