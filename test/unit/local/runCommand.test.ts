import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../packages/local/src/cli/runCommand';
import { captureIo } from './cliCapture';

describe('rovn run arguments', () => {
  it.each([
    ['--reuse --workers', ['--reuse', '--workers', '50']],
    ['--workers --reuse', ['--workers', '50', '--reuse']],
  ])('refuses %s with exit 2 before starting anything', async (_case, argv) => {
    const { io, out } = captureIo();

    const code = await runCommand(argv, io);

    expect(code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('--workers and --reuse cannot be combined');
  });

  it('refuses a worker count that is not a whole number', async () => {
    const { io, out } = captureIo();

    const code = await runCommand(['--workers', 'many'], io);

    expect(code).toBe(2);
    expect(out.stderr).toContain('--workers must be a whole number');
  });
});
