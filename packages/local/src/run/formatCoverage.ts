import type { DailyCoverage } from '@rovn/core';

const DAY_MS = 86_400_000;

const COLUMNS = [
  'source',
  'checks',
  'due',
  'in flight',
  'overdue',
  'never verified',
  'oldest verification',
] as const;

/** Age in days with one decimal, or `-` when nothing was verified. */
const ageInDays = (oldest: Date | null, now: Date): number | null =>
  oldest === null
    ? null
    : Math.round(((now.getTime() - oldest.getTime()) / DAY_MS) * 10) / 10;

/** The coverage as the terminal shows it: one aligned row per source. */
const formatCoverage = (coverage: DailyCoverage): string => {
  const rows = coverage.sources.map((s) => {
    const age = ageInDays(s.oldestVerifiedAt, coverage.computedAt);

    return [
      s.source,
      String(s.checks),
      String(s.due),
      String(s.inFlight),
      String(s.overdue),
      String(s.neverVerified),
      age === null ? '-' : `${age} days ago`,
    ];
  });
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');

  return [
    `Coverage on ${coverage.day} (computed ${coverage.computedAt.toISOString()})`,
    line(COLUMNS),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    'overdue: never verified, or not verified within its cadence window',
  ].join('\n');
};

/** The coverage as JSON with snake_case keys, ages in days. */
const coverageJson = (coverage: DailyCoverage) => ({
  day: coverage.day,
  computed_at: coverage.computedAt.toISOString(),
  sources: coverage.sources.map((s) => ({
    source: s.source,
    checks: s.checks,
    due: s.due,
    in_flight: s.inFlight,
    overdue: s.overdue,
    never_verified: s.neverVerified,
    oldest_verified_at: s.oldestVerifiedAt?.toISOString() ?? null,
    oldest_verification_age_days: ageInDays(
      s.oldestVerifiedAt,
      coverage.computedAt,
    ),
  })),
});

export { coverageJson, formatCoverage };
