import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRawEmail } from '../../../packages/core/src/notifications/render/composeRawEmail';
import type {
  NoticeKind,
  RecipientRole,
} from '../../../packages/core/src/notifications/render/notice';
import { renderNotice } from '../../../packages/core/src/notifications/render/renderNotice';
import type { SentEmail } from '../../../packages/local/src/outbox/sentEmail';
import {
  type OutboxWritten,
  writeOutbox,
} from '../../../packages/local/src/outbox/writeOutbox';
import { aNotice } from '../../unit/notifications/noticeFactory';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const run = promisify(execFile);

/** One email of every kind and role pair the outbox must list. */
const SAMPLES: [NoticeKind, RecipientRole][] = [
  ['flagged', 'worker'],
  ['flagged', 'facility'],
  ['needs_review', 'facility'],
  ['expiring', 'worker'],
  ['source_unavailable', 'operator'],
  ['facility_unreachable', 'operator'],
];

const sentEmail = async (
  kind: NoticeKind,
  role: RecipientRole,
  minute: number,
): Promise<SentEmail> => {
  // Markup in a name must show as text in the index, never as markup.
  const notice = aNotice(kind, role, {
    worker: { displayName: 'Maren <b>Okafor</b>' },
  });
  const rendered = renderNotice(notice);
  const date = new Date(Date.UTC(2026, 5, 1, 12, minute));
  const raw = await composeRawEmail({
    from: 'passport-notices@rovn.example',
    to: notice.recipient.email,
    noticeId: notice.noticeId,
    kind,
    date,
    ...rendered,
  });

  return {
    noticeId: notice.noticeId,
    kind,
    to: notice.recipient.email,
    subject: rendered.subject,
    raw,
    html: rendered.html,
    sentAt: date.toISOString(),
  };
};

/** Runs headless Chromium with a fresh profile and no network chatter. */
const chromium = async (profile: string, ...args: string[]) => {
  const { stdout } = await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );

  return stdout;
};

describe.skipIf(!HAS_CHROMIUM)(
  `the outbox page in headless Chromium${HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is missing; install Debian's chromium package)`}`,
  () => {
    let folder: string;
    let emails: SentEmail[];
    let outbox: OutboxWritten;

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'rovn-outbox-'));
      emails = await Promise.all(
        SAMPLES.map(([kind, role], i) => sentEmail(kind, role, i)),
      );
      outbox = await writeOutbox(join(folder, 'outbox'), emails);
    });

    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('lists every email of the run in the rendered page', async () => {
      const dom = await chromium(
        join(folder, 'profile-dom'),
        '--dump-dom',
        `file://${outbox.indexPath}`,
      );

      expect(dom).toContain(`Rōvn outbox: ${emails.length} email(s)`);
      expect(dom.match(/<tr>/g)).toHaveLength(emails.length + 1);
      for (const email of emails) {
        expect(dom).toContain(email.to);
        expect(dom).toContain(email.kind);
      }
      expect(dom).toContain('Maren &lt;b&gt;Okafor&lt;/b&gt;');
      expect(dom).not.toContain('<b>Okafor</b>');
    });

    it('renders a screenshot of the page', async () => {
      const png = join(folder, 'outbox.png');

      await chromium(
        join(folder, 'profile-shot'),
        `--screenshot=${png}`,
        '--window-size=1200,700',
        `file://${outbox.indexPath}`,
      );

      const bytes = await readFile(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(5_000);
    });

    it('opens an email from the list', async () => {
      const index = await readFile(outbox.indexPath, 'utf8');
      const link = /<a href="([^"]+\.html)">HTML<\/a>/.exec(index)?.[1] ?? '';

      const dom = await chromium(
        join(folder, 'profile-email'),
        '--dump-dom',
        `file://${join(folder, 'outbox', decodeURIComponent(link))}`,
      );

      expect(link).not.toBe('');
      expect(dom).toContain('Open in Rōvn Passport');
      expect(dom).toContain('Reference: ntc_flagged_worker');
    });
  },
);
