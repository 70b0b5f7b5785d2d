import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../packages/core/src/log/logger';
import { applySesFeedback } from '../../../packages/core/src/notifications/feedback/applySesFeedback';
import {
  isSuppressed,
  openStore,
  type Store,
} from '../../../packages/core/src/store';
import { runSuppressionsCommand } from '../../../packages/local/src/cli/suppressionsCommand';

const ADDRESS = 'credentialing@lakeside.example';
const day = (n: number) => new Date(Date.UTC(2026, 5, n, 12));

const capture = () => {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (s: string) => {
      out.stdout += s;
    },
    stderr: (s: string) => {
      out.stderr += s;
    },
  };

  return { out, io };
};

/** One transient bounce of the address, as SES reports it. */
const transientBounce = (store: Store, n: number) =>
  applySesFeedback(
    { db: store.db, clock: () => day(n), log: silentLog },
    {
      kind: 'transient_bounce',
      event: 'Bounce',
      feedbackId: `fb-${n}`,
      recipients: [ADDRESS],
      occurredAt: day(n),
      sesMessageId: `ses-${n}`,
    },
  );

describe('rovn suppressions', () => {
  let dir: string;
  let dataDir: string;

  /** Runs the command on the test database with no DATABASE_URL. */
  const run = async (argv: string[], now = day(10)) => {
    const { out, io } = capture();
    const code = await runSuppressionsCommand(
      [...argv, '--data', dataDir],
      io,
      {
        env: {},
        clock: () => now,
      },
    );

    return { code, ...out };
  };

  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openStore({ kind: 'pglite', dataDir });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rovn-suppressions-'));
    dataDir = join(dir, 'pgdata');
    // Three transient bounces within 30 days suppress the address.
    await withStore(async (store) => {
      for (const n of [1, 2, 3]) await transientBounce(store, n);
      expect(await isSuppressed(store.db, ADDRESS)).toBe(true);
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the suppressed address with its reason', async () => {
    const listed = await run(['list', '--json']);

    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        email: ADDRESS,
        reason: 'transient_bounces',
        suppressed_at: day(3).toISOString(),
      },
    ]);
  });

  it('lifts it, and earlier bounces no longer count towards a new one', async () => {
    const lifted = await run(['lift', ADDRESS.toUpperCase()]);
    expect(lifted).toMatchObject({ code: 0, stderr: '' });
    expect((await run(['list'])).stdout).toBe('No suppressed addresses.\n');

    await withStore(async (store) => {
      // Without the lift marker, this would be the fourth bounce in 30 days.
      await transientBounce(store, 11);
      expect(await isSuppressed(store.db, ADDRESS)).toBe(false);
      await transientBounce(store, 12);
      await transientBounce(store, 13);
      expect(await isSuppressed(store.db, ADDRESS)).toBe(true);
    });
  });

  it('says so, and exits 1, when the address is not suppressed', async () => {
    const result = await run(['lift', 'nobody@example.org']);

    expect(result).toMatchObject({
      code: 1,
      stderr: 'nobody@example.org is not suppressed; nothing changed.\n',
    });
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await run(['lift'])).code).toBe(2);
    expect((await run(['remove', ADDRESS])).code).toBe(2);
  });
});
