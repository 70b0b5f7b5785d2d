import { describe, expect, it } from 'vitest';
import { dispatchCommand } from '../../../packages/local/src/cli/dispatchCommand';
import { captureIo } from './cliCapture';

const run = async (argv: string[]) => {
  const { io, out } = captureIo();
  const code = await dispatchCommand(argv, io);

  return { code, ...out };
};

describe('dispatchCommand', () => {
  it.each([
    [['run'], 'Usage: pnpm local'],
    [['egress'], 'Usage: pnpm rovn egress check'],
    [['egress', 'check'], 'Usage: pnpm rovn egress check'],
    [['replay'], 'Usage: pnpm rovn replay'],
    [['dlq'], 'Usage: pnpm rovn dlq'],
    [['receipts'], 'Usage: pnpm rovn receipts'],
    [['contracts'], 'Usage: pnpm rovn contracts'],
    [['coverage'], 'Usage: pnpm rovn coverage'],
    [['suppressions'], 'Usage: pnpm rovn suppressions'],
  ])(
    'prints the usage of %j for --help and -h, exit 0',
    async (command, usage) => {
      const long = await run([...command, '--help']);
      const short = await run([...command, '-h']);

      expect([long.code, short.code]).toEqual([0, 0]);
      expect(long.stdout.startsWith(usage)).toBe(true);
      expect(short.stdout).toBe(long.stdout);
      expect(long.stderr + short.stderr).toBe('');
    },
  );

  it('prints the command list for --help, exit 0', async () => {
    const result = await run(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('suppressions list|lift <email>');
  });

  it.each([
    [['deploy'], 'Unknown command deploy'],
    [['egress', 'allow'], 'unknown subcommand allow (expected check)'],
    [['egress'], 'missing subcommand (expected check)'],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
