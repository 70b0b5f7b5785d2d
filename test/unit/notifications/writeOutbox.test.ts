import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SentEmail } from '../../../packages/local/src/outbox/sentEmail';
import { writeOutbox } from '../../../packages/local/src/outbox/writeOutbox';

const aSentEmail = (overrides: Partial<SentEmail> = {}): SentEmail => ({
  noticeId: 'ntc_1',
  kind: 'flagged',
  to: 'credentialing@lakeside.example',
  subject: 'Credential alert for Maren Okafor: an issue was found',
  raw: new TextEncoder().encode('Subject: test\r\n\r\nbody\r\n'),
  html: '<!doctype html><p>Notice body</p>',
  sentAt: '2026-03-12T14:06:00.000Z',
  ...overrides,
});

const rowsOf = (index: string): string[] =>
  index.split('<tbody>')[1]?.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];

describe('writeOutbox', () => {
  let folder = '';

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rovn-outbox-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the .eml and .html of every email', async () => {
    const email = aSentEmail();

    await writeOutbox(folder, [email]);

    const eml = await readFile(join(folder, 'ntc_1.eml'));
    const html = await readFile(join(folder, 'ntc_1.html'), 'utf8');
    expect(new Uint8Array(eml)).toEqual(email.raw);
    expect(html).toBe(email.html);
  });

  it('lists every email in the index, oldest first, with its links', async () => {
    const emails = [
      aSentEmail({ noticeId: 'ntc_b', sentAt: '2026-03-12T14:07:00.000Z' }),
      aSentEmail({ noticeId: 'ntc_a', sentAt: '2026-03-12T14:06:00.000Z' }),
      aSentEmail({ noticeId: 'ntc_c', kind: 'expiring', to: 'm@mail.example' }),
    ];

    const { indexPath } = await writeOutbox(folder, emails);

    const rows = rowsOf(await readFile(indexPath, 'utf8'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('href="ntc_a.html"');
    expect(rows[0]).toContain('href="ntc_a.eml"');
    expect(rows[1]).toContain('expiring');
    expect(rows[1]).toContain('m@mail.example');
    expect(rows[2]).toContain('2026-03-12T14:07:00.000Z');
  });

  it('escapes subjects and recipients in the index', async () => {
    const email = aSentEmail({
      subject: 'Alert <script>alert(1)</script> & "more"',
      to: '"Mallory <b>" <m@mail.example>',
    });

    const { indexPath } = await writeOutbox(folder, [email]);

    const index = await readFile(indexPath, 'utf8');
    expect(index).not.toMatch(/<script|<b>/);
    expect(index).toContain(
      'Alert &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;',
    );
  });

  it('keeps both copies of a notice sent twice', async () => {
    const emails = [aSentEmail(), aSentEmail({ subject: 'second' })];

    const { entries, indexPath } = await writeOutbox(folder, emails);

    expect(entries.map((entry) => entry.emlPath)).toEqual([
      join(folder, 'ntc_1.eml'),
      join(folder, 'ntc_1-2.eml'),
    ]);
    expect(rowsOf(await readFile(indexPath, 'utf8'))).toHaveLength(2);
  });

  it('keeps files inside the folder whatever the notice id', async () => {
    const emails = [
      aSentEmail({ noticeId: '../../escape' }),
      aSentEmail({ noticeId: 'index' }),
    ];

    await writeOutbox(folder, emails);

    const files = (await readdir(folder)).sort();
    expect(files).toEqual([
      '_.._escape.eml',
      '_.._escape.html',
      'index-2.eml',
      'index-2.html',
      'index.html',
    ]);
  });
});
