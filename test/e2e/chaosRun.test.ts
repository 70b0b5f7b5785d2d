import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChaosReport } from '../../packages/local/src/chaos/formatChaosReport';
import type { RunSummary } from '../../packages/local/src/run/collectSummary';
import { runLocal } from '../../packages/local/src/run/runLocal';
import { createTestDatabase } from '../helpers/db';

const WORKERS = 15;
const SEED = 8;

/**
 * Long enough for the slowest outcome the invariants allow: a message
 * first received late in the run (about 2 minutes in on a busy machine)
 * that fails at each of its 5 receives, 60 s apart (the local visibility
 * timeout), before its DLQ takes it. A shorter deadline would report such
 * a message as a livelock. A quiet run drains in about 2 minutes.
 */
const DRAIN_TIMEOUT_MS = 420_000;

/** Every worker has one check per source. */
const SOURCES = ['board-ks', 'nppes', 'nursys', 'oig-leie', 'sam'];

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
      drainTimeoutMs: DRAIN_TIMEOUT_MS,
      print: () => undefined,
      ...(database === undefined ? {} : { databaseUrl: database.url }),
    });
    if (summary.chaos === undefined) throw new Error('no chaos report');
    report = summary.chaos;
    console.info(formatChaosReport(report));
  }, DRAIN_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await database?.drop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('applies every kind of fault of the plan', () => {
    const { tally } = report;
    const kills = Object.values(tally.killedAt).reduce((a, b) => a + b, 0);
    const faulted = Object.keys(tally.sourceFaults).map((k) => k.split(' '));
    const faults = faulted.map(([, fault]) => fault);
    const targets = new Set(faulted.map(([target]) => target));

    expect(tally.deliveredTwice).toBeGreaterThanOrEqual(
      summary.requests_published,
    );
    expect(tally.outOfOrder).toBeGreaterThan(0);
    expect(tally.publishedTwice).toBeGreaterThan(0);
    expect(kills).toBeGreaterThan(0);
    expect(new Set(faults)).toEqual(
      new Set(['http500', 'http429', 'timeout', 'malformed']),
    );
    // Every per-subject source met faults; Nursys in submits and polls.
    for (const target of [
      'nppes',
      'sam',
      'nursys-submit',
      'nursys-poll',
      'board',
    ]) {
      expect(targets).toContain(target);
    }
    expect(tally.connectionDrop).toMatch(
      database === undefined ? /^PGlite/ : /^PostgreSQL/,
    );
  });

  it('ends every due check in exactly one result or a DLQ with its reason', () => {
    const { checks } = report.invariants;

    expect(checks.due).toBe(WORKERS * SOURCES.length);
    expect(checks.dueBySource).toEqual(
      Object.fromEntries(SOURCES.map((source) => [source, WORKERS])),
    );
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
    // Once more only where SES took the email from a notifier that was
    // killed before marking it sent (the known at-least-once window).
    expect(notices.emails).toBe(notices.sent + notices.resentAfterKill);
  });

  it('says clear only where the source served a well-formed answer', () => {
    const { clear } = report.invariants;

    expect(clear.results).toBeGreaterThan(0);
    expect(clear.backedByWellFormedAnswer).toBe(clear.results);
    // Nursys (a lookup's result, never its submit) and the board included.
    expect(clear.bySource.nursys?.results).toBeGreaterThan(0);
    expect(clear.bySource['board-ks']?.results).toBeGreaterThan(0);
    for (const counts of Object.values(clear.bySource)) {
      expect(counts.backed).toBe(counts.results);
    }
  });

  it('gives no verdict but source_unavailable on a faulty answer', () => {
    const { onFaultyAnswers } = report.invariants;

    expect(onFaultyAnswers.results).toBeGreaterThan(0);
    expect(onFaultyAnswers.sourceUnavailable).toBe(onFaultyAnswers.results);
  });

  it('breaks no invariant', () => {
    expect(report.invariants.violations).toEqual([]);
  });
});
