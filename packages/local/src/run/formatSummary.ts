import { OUTCOMES } from '@rovn/core';
import type { RunSummary } from './collectSummary';

/** The outcome table and the totals, as the terminal shows them. */
const formatSummary = (summary: RunSummary): string => {
  const sources = Object.keys(summary.results_by_source_and_outcome).sort();
  const columns = ['source', ...OUTCOMES, 'total'];
  const rows = sources.map((source) => {
    const counts = summary.results_by_source_and_outcome[source] ?? {};
    const cells = OUTCOMES.map((outcome) => counts[outcome] ?? 0);

    return [
      source,
      ...cells.map(String),
      String(cells.reduce((a, b) => a + b, 0)),
    ];
  });
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');

  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `checks due ${summary.checks_due}, requests published ${summary.requests_published}, duplicate results ${summary.duplicate_results}`,
    `receipts archived ${summary.receipts_archived}, locked (GOVERNANCE, 7 y) ${summary.receipts_locked}`,
    `emails sent ${summary.emails_sent} ${JSON.stringify(summary.emails_by_kind)}, suppressed ${summary.emails_suppressed}, container events ${summary.container_events}`,
    `messages in DLQs ${summary.dlq_messages}, LEIE refresh: ${summary.leie_refresh}`,
    `took ${(summary.duration_ms / 1000).toFixed(1)} s`,
  ].join('\n');
};

export { formatSummary };
