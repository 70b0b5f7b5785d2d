import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRoster, openStore } from '../../../packages/core/src/store';
import { runCoverageCommand } from '../../../packages/local/src/cli/coverageCommand';
import { makeRoster } from '../../factories/roster';

const NOW = new Date('2026-06-01T12:00:00Z');

const capture = () => {
  const out = { stdout: '', stderr: '' };

  return {
    out,
    io: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
    },
  };
};

describe('runCoverageCommand', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rovn-coverage-'));
    dataDir = join(dir, 'pgdata');
    const store = await openStore({ kind: 'pglite', dataDir });
    const people = Array.from({ length: 4 }, (_, i) => ({
      id: `w${i}`,
      sources: ['nppes', 'oig-leie'],
    }));
    await insertRoster(store.db, makeRoster(people));
    await store.close();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints JSON coverage of the local database and stores the day', async () => {
    const { out, io } = capture();

    const code = await runCoverageCommand(['--json', '--data', dataDir], io, {
      env: {},
      clock: () => NOW,
    });

    expect(code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.day).toBe('2026-06-01');
    expect(report.sources).toContainEqual({
      source: 'nppes',
      checks: 4,
      due: 4,
      in_flight: 0,
      overdue: 4,
      never_verified: 4,
      oldest_verified_at: null,
      oldest_verification_age_days: null,
    });
    const store = await openStore({ kind: 'pglite', dataDir });
    const stored = await store.db
      .selectFrom('coverage_reports')
      .select(['day', 'source'])
      .execute();
    await store.close();
    expect(stored).toContainEqual({ day: '2026-06-01', source: 'oig-leie' });
  });

  it('prints a table by default', async () => {
    const { out, io } = capture();

    const code = await runCoverageCommand(['--data', dataDir], io, {
      env: {},
      clock: () => NOW,
    });

    expect(code).toBe(0);
    expect(out.stdout).toMatch(/source\s+checks\s+due\s+in flight\s+overdue/);
    expect(out.stdout).toMatch(/nppes\s+4\s+4\s+0\s+4\s+4\s+-/);
  });

  it('says what is missing when there is no local database', async () => {
    const { out, io } = capture();

    const code = await runCoverageCommand(
      ['--data', join(dir, 'missing')],
      io,
      { env: {} },
    );

    expect(code).toBe(1);
    expect(out.stderr).toMatch(/run pnpm local first/);
  });

  it('refuses an unknown option', async () => {
    const { out, io } = capture();

    const code = await runCoverageCommand(['--csv'], io, { env: {} });

    expect(code).toBe(2);
    expect(out.stderr).toMatch(/Usage: pnpm rovn coverage/);
  });
});
