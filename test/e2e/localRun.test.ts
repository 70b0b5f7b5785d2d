import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../packages/local/src/run/collectSummary';
import { runLocal } from '../../packages/local/src/run/runLocal';
import { createTestDatabase } from '../helpers/db';

/**
 * One full pattern of the demo roster (25 workers) has exactly one worker
 * of each special profile; every other worker is clean. These are the
 * outcomes each profile must end in.
 */
const EXPECTED_OUTCOMES = {
  nppes: {
    clear: 18,
    needs_review: 1,
    not_found: 1,
    invalid_input: 1,
    source_unavailable: 4,
  },
  'oig-leie': { clear: 22, flagged: 2, needs_review: 1 },
  // Listed by NPI, by name only, a maintenance page; the ended exclusion
  // of the NPPES name-mismatch worker is not active, so clear.
  sam: { clear: 22, flagged: 1, needs_review: 1, source_unavailable: 1 },
  // The license pattern (20 long) once and its first five again: two
  // disciplined, two expired and one inactive license, one unknown to
  // Nursys, one name mismatch; a refused transaction, an HTML page, a 500
  // and a transaction that never completes.
  nursys: {
    clear: 14,
    flagged: 2,
    expired: 3,
    not_found: 1,
    needs_review: 1,
    source_unavailable: 4,
  },
  // Board profiles (their own pattern): clean and the two substring
  // collisions (one paged) clear; expired and lapsed; a public action; a
  // number only contained in another; another name; a non-zero errorCode
  // and a maintenance page.
  'board-ks': {
    clear: 18,
    expired: 2,
    flagged: 1,
    not_found: 1,
    needs_review: 1,
    source_unavailable: 2,
  },
};

describe('the local run, end to end', () => {
  let summary: RunSummary;
  let outDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const printed: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rovn-e2e-'));
    await writeFile(join(outDir, 'not-ours.txt'), 'keep me');
    database = await createTestDatabase();

    summary = await runLocal({
      nppesTimeoutMs: 10_000,
      outDir,
      workers: 25,
      reuse: false,
      deliverTwice: true,
      print: (line) => printed.push(line),
      ...(database === undefined ? {} : { databaseUrl: database.url }),
    });
  }, 300_000);

  afterAll(async () => {
    await database?.drop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('ends every due check in the outcome its profile calls for', () => {
    expect(summary.checks_due).toBe(125);
    expect(summary.requests_published).toBe(125);
    expect(summary.results_by_source_and_outcome).toEqual(EXPECTED_OUTCOMES);
  });

  it('stores one result per request although every message came twice', () => {
    expect(summary.duplicate_results).toBe(0);
    expect(summary.dlq_messages).toBe(0);
  });

  it('locks every archived receipt under GOVERNANCE for seven years', () => {
    expect(summary.receipts_archived).toBeGreaterThan(0);
    expect(summary.receipts_locked).toBe(summary.receipts_archived);
  });

  it('emails each change once to each entitled recipient', () => {
    // Flagged: LEIE two, SAM one, Nursys two, the Kansas board one (worker
    // + facility each); expired: Nursys three, the board two (worker +
    // facility); needing review (facility only): NPPES, LEIE, SAM, Nursys
    // and the board one each; expiring: the one license that Nursys and
    // the board both report running out in 20 days (worker + facility), a
    // date the results wrote into the credential, not the seed.
    expect(summary.emails_sent).toBe(29);
    expect(summary.emails_by_kind).toEqual({
      flagged: 12,
      needs_review: 5,
      expired: 10,
      expiring: 2,
    });
    expect(summary.notification_log).toEqual({ sent: 29 });
  });

  it('writes the summary, the outbox and the handler logs', () => {
    const written = JSON.parse(
      readFileSync(join(outDir, 'run-summary.json'), 'utf8'),
    ) as RunSummary;
    const index = readFileSync(join(outDir, 'outbox', 'index.html'), 'utf8');

    expect(written.emails_sent).toBe(summary.emails_sent);
    expect(index.match(/\.eml"/g)).toHaveLength(29);
    expect(existsSync(join(outDir, 'logs', 'handlers.log'))).toBe(true);
    expect(readFileSync(join(outDir, 'not-ours.txt'), 'utf8')).toBe('keep me');
    expect(printed.some((line) => line.startsWith('source '))).toBe(true);
  });
});
