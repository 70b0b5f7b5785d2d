import { describe, expect, it } from 'vitest';
import { runDlqCommand } from '../../../packages/local/src/cli/dlqCommand';
import { runReceiptsCommand } from '../../../packages/local/src/cli/receiptsCommand';
import { captureIo } from './cliCapture';

const SHA = 'a'.repeat(64);

/** No store, no emulator, no stage: only the arguments can decide. */
const NO_TARGET = { db: null, env: {} };

const dlq = async (argv: string[]) => {
  const { io, out } = captureIo();
  const code = await runDlqCommand(argv, io, NO_TARGET);

  return { code, ...out };
};

const receipts = async (argv: string[]) => {
  const { io, out } = captureIo();
  const code = await runReceiptsCommand(argv, io, NO_TARGET);

  return { code, ...out };
};

describe('rovn dlq arguments', () => {
  it.each([
    [
      'an unknown subcommand',
      ['purge', 'nppes'],
      'unknown subcommand purge (expected list|redrive)',
    ],
    ['no subcommand', [], 'missing subcommand (expected list|redrive)'],
    [
      'an unknown source',
      ['list', 'npess'],
      'unknown source npess (expected one of nppes, oig-leie',
    ],
    ['two sources', ['redrive', 'nppes', 'sam'], 'exactly one <source>'],
    ['a bad --max', ['list', 'nppes', '--max', '1.5'], '--max must be'],
  ])('reports %s before asking for a stage', async (_case, argv, message) => {
    const result = await dlq(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('pass --stage');
  });

  it('refuses an unknown source with exit 2 even with a stage', async () => {
    const result = await dlq(['list', 'bogus', '--stage', 'dev']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown source bogus');
  });

  it('asks for the stage once its own arguments are right', async () => {
    const result = await dlq(['list', 'nppes']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --stage');
  });
});

describe('rovn receipts arguments', () => {
  it.each([
    [
      'an unknown subcommand',
      ['check', `receipts/nppes/${SHA}`],
      'unknown subcommand check (expected verify)',
    ],
    ['no subcommand', [], 'missing subcommand (expected verify)'],
    [
      'an unknown source in the key',
      ['verify', `receipts/npess/${SHA}`],
      'unknown source npess (expected one of nppes, oig-leie',
    ],
    [
      'a key that is not a receipt key',
      ['verify', 'manifests/nppes/x.json'],
      'not a receipt key',
    ],
    [
      'both a key and --check',
      ['verify', `receipts/nppes/${SHA}`, '--check', 'c1'],
      'either one receipt key or --check',
    ],
  ])('reports %s before asking for a stage', async (_case, argv, message) => {
    const result = await receipts(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('pass --stage');
  });

  it.each([
    ['a receipt key', ['verify', `receipts/nppes/${SHA}`]],
    ['--check', ['verify', '--check', 'c1']],
  ])('asks for the stage once %s is right', async (_case, argv) => {
    const result = await receipts(argv);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --stage');
  });
});
