import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReplayCommand } from '../../../packages/local/src/cli/replayCommand';
import { MAINTENANCE_PAGE } from '../sources/nppes/factories';
import { makeSubject } from '../sources/subjectFactory';

const EXAMPLES = join(import.meta.dirname, '../../../examples/replay');

/** Runs the command in-process and keeps what it wrote. */
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplayCommand(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: {},
    now: () => new Date('2025-03-01T12:00:00Z'),
  });

  return { code, stdout: out.join(''), stderr: err.join('') };
};

describe('runReplayCommand', () => {
  let dir: string;
  let subjectPath: string;
  let htmlPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rovn-replay-'));
    subjectPath = join(dir, 'subject.json');
    htmlPath = join(dir, 'page.html');
    await writeFile(subjectPath, JSON.stringify(makeSubject()));
    await writeFile(htmlPath, MAINTENANCE_PAGE);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('replays the committed NPPES example as clear', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      join(EXAMPLES, 'subject.json'),
      '--response',
      join(EXAMPLES, 'nppes-response.json'),
      '--at',
      '2025-01-15',
    ];

    const { code, stdout, stderr } = await run(argv);

    const printed = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(printed).toMatchObject({
      source: 'nppes',
      subjectId: 'example-0001',
      outcome: 'clear',
      findings: [{ code: 'npi_active' }],
      adapterVersion: 'nppes-2',
      at: '2025-01-15T00:00:00.000Z',
      response: { status: 200, contentType: 'application/json' },
    });
    expect(printed).not.toHaveProperty('expiresOn');
  });

  it('replays the committed LEIE example as flagged', async () => {
    const argv = [
      '--source',
      'oig-leie',
      '--subject',
      join(EXAMPLES, 'subject.json'),
      '--response',
      join(EXAMPLES, 'leie-updated.csv'),
      '--at',
      '2025-01-15',
    ];

    const { code, stdout } = await run(argv);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'flagged',
      findings: [{ code: 'exclusion' }, { code: 'screened' }],
      response: { contentType: 'text/csv' },
    });
  });

  it('replays the committed Nursys example as clear, then expired', async () => {
    const argvAt = (at: string) => [
      '--source',
      'nursys',
      '--subject',
      join(EXAMPLES, 'nurse-subject.json'),
      '--response',
      join(EXAMPLES, 'nursys-result.json'),
      '--at',
      at,
    ];

    const before = await run(argvAt('2025-01-15'));
    const after = await run(argvAt('2026-07-01'));

    expect([before.code, after.code]).toEqual([0, 0]);
    expect(JSON.parse(before.stdout)).toMatchObject({
      subjectId: 'example-0002',
      outcome: 'clear',
      findings: [{ code: 'license_active' }],
      expiresOn: '2026-06-30',
      adapterVersion: 'nursys-1',
    });
    expect(JSON.parse(after.stdout)).toMatchObject({
      outcome: 'expired',
      findings: [{ code: 'license_expired' }],
      expiresOn: '2026-06-30',
    });
  });

  it("prints the board's date for the worker's license only, not the keyword's other matches", async () => {
    const argv = [
      '--source',
      'board-ks',
      '--subject',
      join(EXAMPLES, 'board-ks-subject.json'),
      '--response',
      join(EXAMPLES, 'board-ks-response.json'),
      '--at',
      '2025-01-15',
    ];

    const { code, stdout } = await run(argv);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'clear',
      expiresOn: '2026-06-30',
    });
  });

  it('exits 0 with source_unavailable for an HTML page', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      subjectPath,
      '--response',
      htmlPath,
      '--content-type',
      'text/html',
    ];

    const { code, stdout } = await run(argv);

    const printed = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(printed.outcome).toBe('source_unavailable');
    expect(printed.at).toBe('2025-03-01T12:00:00.000Z');
  });

  it('classifies --status 502 as the live adapter does: source_error', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      join(EXAMPLES, 'subject.json'),
      '--response',
      join(EXAMPLES, 'nppes-response.json'),
      '--status',
      '502',
    ];

    const { code, stdout } = await run(argv);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'source_unavailable',
      findings: [{ code: 'source_error', data: { status: 502 } }],
      response: { status: 502 },
    });
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);

    expect(code).toBe(0);
    expect(stdout).toContain('--receipt');
  });

  it.each([
    ['no --subject', ['--source', 'nppes', '--response', 'x'], '--subject'],
    [
      'an unknown source',
      ['--source', 'nope', '--subject', 's', '--response', 'x'],
      'unknown source "nope"',
    ],
    [
      'both --response and --receipt',
      [
        '--source',
        'nppes',
        '--subject',
        's',
        '--response',
        'x',
        '--receipt',
        'k',
      ],
      'exactly one of',
    ],
    ['neither --response nor --receipt', ['--subject', 's'], 'exactly one of'],
    [
      'no --source with --response',
      ['--subject', 's', '--response', 'x'],
      '--source <id> is required',
    ],
    [
      'a day that does not exist',
      [
        '--source',
        'nppes',
        '--subject',
        's',
        '--response',
        'x',
        '--at',
        '2025-02-30',
      ],
      '--at must be a real day',
    ],
    [
      'a status that is not a code',
      [
        '--source',
        'nppes',
        '--subject',
        's',
        '--response',
        'x',
        '--status',
        'ok',
      ],
      '--status must be',
    ],
    [
      'a malformed receipt key',
      ['--subject', 's', '--receipt', 'receipts/nppes/abc'],
      '--receipt must be a receipt key',
    ],
    ['an unknown option', ['--subject', 's', '--colour'], 'colour'],
  ])('exits 2 for %s', async (_case, argv, message) => {
    const { code, stdout, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 when the subject file cannot be read', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      join(dir, 'missing.json'),
      '--response',
      htmlPath,
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('cannot read subject');
  });

  it('exits 2 when the subject file is not JSON', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      htmlPath,
      '--response',
      htmlPath,
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('is not valid JSON');
  });

  it('exits 2 for an invalid subject without echoing its values', async () => {
    const path = join(dir, 'invalid.json');
    await writeFile(
      path,
      JSON.stringify({
        ...makeSubject(),
        givenName: '',
        dateOfBirth: '02/29/1984',
      }),
    );
    const argv = [
      '--source',
      'nppes',
      '--subject',
      path,
      '--response',
      htmlPath,
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('givenName');
    expect(stderr).toContain('dateOfBirth');
    expect(stderr).not.toContain('1984');
    expect(stderr).not.toContain('Merriweather');
  });

  it.each([
    ['a misspelt field', { dateOfBrith: '1984-02-29' }, 'dateOfBrith'],
    ['a field replay does not know', { ssn: '078-05-1120' }, 'ssn'],
  ])(
    'exits 2 for %s, naming it without its value',
    async (_case, extra, field) => {
      const path = join(dir, `unknown-${field}.json`);
      const { dateOfBirth: _left, ...person } = makeSubject();
      await writeFile(path, JSON.stringify({ ...person, ...extra }));
      const argv = [
        '--source',
        'nppes',
        '--subject',
        path,
        '--response',
        join(EXAMPLES, 'nppes-response.json'),
      ];

      const { code, stdout, stderr } = await run(argv);

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`unknown field "${field}"`);
      expect(stderr).not.toContain(Object.values(extra)[0]);
    },
  );

  it('exits 2 for an unknown field inside the license', async () => {
    const path = join(dir, 'unknown-license-field.json');
    const license = { jurisdiction: 'KS', number: 'RN1', type: 'RN' };
    await writeFile(
      path,
      JSON.stringify({
        ...makeSubject(),
        license: { ...license, expires: '2031-01-01' },
      }),
    );
    const argv = [
      '--source',
      'nursys',
      '--subject',
      path,
      '--response',
      join(EXAMPLES, 'nursys-result.json'),
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('license: unknown field "expires"');
    expect(stderr).not.toContain('2031');
  });

  it('exits 2 when the response file cannot be read', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      subjectPath,
      '--response',
      join(dir, 'missing.json'),
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('cannot read response');
  });

  it('replays the committed LEIE entity example as needs_review', async () => {
    const argv = [
      '--source',
      'oig-leie',
      '--subject',
      join(EXAMPLES, 'entity.json'),
      '--response',
      join(EXAMPLES, 'leie-updated.csv'),
      '--at',
      '2025-01-15',
    ];

    const { code, stdout } = await run(argv);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      subjectId: 'example-entity-0001',
      outcome: 'needs_review',
      findings: [
        { code: 'possible_exclusion', data: { basis: 'entity_name', row: 3 } },
        { code: 'screened' },
      ],
    });
  });

  it('screens a person under a former family name', async () => {
    const path = join(dir, 'former.json');
    await writeFile(
      path,
      JSON.stringify({
        subjectId: 'example-0002',
        givenName: 'Marisol',
        familyName: 'Oakhurst',
        formerFamilyNames: ['Quenby'],
        dateOfBirth: '1988-07-14',
      }),
    );
    const argv = [
      '--source',
      'oig-leie',
      '--subject',
      path,
      '--response',
      join(EXAMPLES, 'leie-updated.csv'),
      '--at',
      '2025-01-15',
    ];

    const { code, stdout } = await run(argv);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'flagged',
      findings: [{ code: 'exclusion', data: { basis: 'former_name' } }, {}],
    });
  });

  it('exits 2 for an entity subject with a source that lists only people', async () => {
    const argv = [
      '--source',
      'nppes',
      '--subject',
      join(EXAMPLES, 'entity.json'),
      '--response',
      join(EXAMPLES, 'nppes-response.json'),
    ];

    const { code, stdout, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('is an entity');
  });

  it('exits 2 for an entity subject with unknown keys', async () => {
    const path = join(dir, 'entity-extra.json');
    await writeFile(
      path,
      JSON.stringify({ subjectId: 'e1', entityName: 'Acme', givenName: 'A' }),
    );
    const argv = [
      '--source',
      'oig-leie',
      '--subject',
      path,
      '--response',
      join(EXAMPLES, 'leie-updated.csv'),
    ];

    const { code, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stderr).toContain('not a valid subject');
  });
});
