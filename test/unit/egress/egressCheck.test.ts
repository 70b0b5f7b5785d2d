import { describe, expect, it } from 'vitest';
import { runEgressCheck } from '../../../packages/local/src/cli/egressCheck';
import { LEIE_URL, NPPES_URL, PUBLIC_V4 } from './egressFixtures';

/** Runs the command with captured output. */
const check = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runEgressCheck(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });

  return { code, stdout, stderr };
};

describe('runEgressCheck', () => {
  it('prints its usage for --help and exits 0', async () => {
    const result = await check('--help');

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pnpm rovn egress check <url>/);
    expect(result.stderr).toBe('');
  });

  it('prints an allowed verdict for the NPPES URL', async () => {
    const result = await check(
      NPPES_URL,
      '--resolve',
      `npiregistry.cms.hhs.gov=${PUBLIC_V4}`,
    );

    expect(result).toEqual({
      code: 0,
      stdout: '{"allowed":true,"rule":"allowed"}\n',
      stderr: '',
    });
  });

  it('refuses when any supplied answer is private', async () => {
    const result = await check(
      LEIE_URL,
      '--resolve',
      `oig.hhs.gov=${PUBLIC_V4},169.254.169.254`,
    );

    expect(result.stdout).toBe(
      '{"allowed":false,"rule":"resolved_private_address"}\n',
    );
  });

  it('applies the source when one is named', async () => {
    const result = await check(
      LEIE_URL,
      '--source',
      'nppes',
      '--resolve',
      `oig.hhs.gov=${PUBLIC_V4}`,
    );

    expect(result.stdout).toBe(
      '{"allowed":false,"rule":"host_not_for_source"}\n',
    );
  });

  it('reports a failed resolution for a host without an answer', async () => {
    const result = await check(
      LEIE_URL,
      '--resolve',
      `other.example=${PUBLIC_V4}`,
    );

    expect([result.code, result.stdout]).toEqual([
      0,
      '{"allowed":false,"rule":"resolution_failed"}\n',
    ]);
  });

  it('returns 0 with the rule for a refused URL', async () => {
    const result = await check('https://0x7f.1/', '--resolve', 'x=1.1.1.1');

    expect([result.code, result.stdout]).toEqual([
      0,
      '{"allowed":false,"rule":"ip_literal"}\n',
    ]);
  });

  it.each([
    ['no URL', []],
    ['two URLs', [NPPES_URL, LEIE_URL]],
    ['an unknown option', [NPPES_URL, '--follow']],
    ['an answer without a host', [NPPES_URL, '--resolve', `=${PUBLIC_V4}`]],
    [
      'an answer that is not an IP',
      [NPPES_URL, '--resolve', 'a.example=0x7f.1'],
    ],
    ['an unknown source', [NPPES_URL, '--source', 'no-such-source']],
  ])('returns 2 with usage on stderr for %s', async (_name, argv) => {
    const result = await check(...argv);

    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(/Usage: pnpm rovn egress check/);
  });
});
