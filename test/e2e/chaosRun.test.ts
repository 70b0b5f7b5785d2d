import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChaosReport } from '../../packages/local/src/chaos/formatChaosReport';
import type { RunSummary } from '../../packages/local/src/run/collectSummary';
import { runLocal } from '../../packages/local/src/run/runLocal';
import { createTestDatabase } from '../helpers/db';

const WORKERS = 25;
const SEED = 8;

/**
 * Issue #8's fault test: the whole local run under a seeded fault plan
 * (every message twice, 30% out of order, 10% of invocations killed at a
 * step, faulty source answers, one dropped database connection), then
 * the promises checked against the store, the DLQs, the emails sent and
 * the simulator's log of what it served.
 */
describe('the chaos run, end to end', () => {
  let summary: RunSummary;
  let report: NonNullable<RunSummary['chaos']>;
  let outDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rovn-chaos-'));
    database = await createTestDatabase();

    summary = await runLocal({
      outDir,
      workers: WORKERS,
      seed: SEED,
      chaos: true,
      deliverTwice: true,
      reuse: false,
      nppesTimeoutMs: 4_000,
      drainTimeoutMs: 300_000,
      print: () => undefined,
      ...(database === undefined ? {} : { databaseUrl: database.url }),
    });
    if (summary.chaos === undefined) throw new Error('no chaos report');
    report = summary.chaos;
    console.info(formatChaosReport(report));
  }, 420_000);

  afterAll(async () => {
    await database?.drop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('applies every kind of fault of the plan', () => {
    const { tally } = report;
    const kills = Object.values(tally.killedAt).reduce((a, b) => a + b, 0);
    const faults = Object.keys(tally.sourceFaults).map((k) => k.split(' ')[1]);

    expect(tally.deliveredTwice).toBeGreaterThanOrEqual(
      summary.requests_published,
    );
    expect(tally.outOfOrder).toBeGreaterThan(0);
    expect(tally.publishedTwice).toBeGreaterThan(0);
    expect(kills).toBeGreaterThan(0);
    expect(new Set(faults)).toEqual(
      new Set(['http500', 'http429', 'timeout', 'malformed']),
    );
    expect(tally.connectionDrop).toMatch(
      database === undefined ? /^PGlite/ : /^PostgreSQL/,
    );
  });

  it('ends every due check in exactly one result or a DLQ with its reason', () => {
    const { checks } = report.invariants;

    expect(checks.due).toBe(WORKERS * 3);
    expect(checks.withOneResult + checks.inDlqWithReason).toBe(checks.due);
    expect(checks.withSeveralResults).toBe(0);
    expect(checks.withoutOutcome).toBe(0);
    expect(summary.duplicate_results).toBe(0);
  });

  it('keeps one receipt per content, and every named receipt exists', () => {
    const { receipts } = report.invariants;

    expect(receipts.rows).toBeGreaterThan(0);
    expect(receipts.distinctContent).toBe(receipts.rows);
    expect(receipts.namedButMissing).toBe(0);
  });

  it('emails each notice exactly once', () => {
    const { notices } = report.invariants;

    expect(notices.expected).toBeGreaterThan(0);
    expect(notices.distinctKeys).toBe(notices.logRows);
    expect(notices.unfinished).toBe(0);
    expect(notices.emails).toBe(notices.sent);
  });

  it('says clear only where the source served a well-formed answer', () => {
    const { clear } = report.invariants;

    expect(clear.results).toBeGreaterThan(0);
    expect(clear.backedByWellFormedAnswer).toBe(clear.results);
  });

  it('breaks no invariant', () => {
    expect(report.invariants.violations).toEqual([]);
  });
});
