import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoRoster } from '../../packages/local/src/demo/makeDemoRoster';
import type { RunSummary } from '../../packages/local/src/run/collectSummary';
import { runLocal } from '../../packages/local/src/run/runLocal';
import { createTestDatabase } from '../helpers/db';
import { findPhi, type PhiNeedle, phiNeedles } from '../helpers/phiNeedles';

const WORKERS = 30;
const SEED = 8;

/**
 * The whole local run (moto_server, simulator, store, the real handlers)
 * on a small made-up roster, then every text it wrote for people to read
 * searched for the roster's dates of birth and full names. The demo roster
 * holds no SSNs, so there are none to search for.
 */
describe('PHI scan of the local run', () => {
  let outDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let printed: string[];
  let summary: RunSummary;
  let needles: PhiNeedle[];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rovn-phi-scan-'));
    database = await createTestDatabase();
    printed = [];
    summary = await runLocal({
      nppesTimeoutMs: 10_000,
      outDir,
      workers: WORKERS,
      reuse: false,
      seed: SEED,
      ...(database === undefined ? {} : { databaseUrl: database.url }),
      print: (line) => printed.push(line),
      drainTimeoutMs: 240_000,
    });
    // The run seeds this roster: same size, same seed.
    const { roster } = makeDemoRoster({
      workers: WORKERS,
      seed: SEED,
      today: summary.started_at.slice(0, 10),
    });
    needles = phiNeedles(roster);
  }, 300_000);

  afterAll(async () => {
    await database?.drop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('finds a planted date of birth and name, so a leak would show', () => {
    const { roster } = makeDemoRoster({ workers: 1, today: '2026-12-01' });
    const worker = roster.workers[0];
    const planted = `{"dob":"${worker?.date_of_birth}"} ${worker?.given_name} ${worker?.family_name}`;

    const hits = findPhi(planted, phiNeedles(roster), 'planted');

    expect(hits.map((hit) => hit.kind)).toEqual(['date_of_birth', 'full_name']);
  });

  it('writes no date of birth or full name to the logs, summary or output', async () => {
    const texts: Record<string, string> = {
      'logs/handlers.log': await readFile(
        join(outDir, 'logs', 'handlers.log'),
        'utf8',
      ),
      'run-summary.json': await readFile(
        join(outDir, 'run-summary.json'),
        'utf8',
      ),
      'printed output': printed.join('\n'),
    };

    const hits = Object.entries(texts).flatMap(([where, text]) =>
      findPhi(text, needles, where),
    );
    const dates = needles.filter((n) => n.kind === 'date_of_birth').length;
    console.info(
      `PHI scan: ${WORKERS} workers, ${dates} date-of-birth and ${needles.length - dates} full-name patterns over ${Object.entries(
        texts,
      )
        .map(([where, text]) => `${where} (${text.length} chars)`)
        .join(', ')}: ${hits.length} hits`,
    );

    expect(summary.workers).toBe(WORKERS);
    expect(texts['logs/handlers.log']).toContain('chk-w-00001-nppes');
    expect(hits).toEqual([]);
  });
});
