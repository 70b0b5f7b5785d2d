import { describe, expect, it } from 'vitest';
import {
  composeRawEmail,
  type RawEmailInput,
} from '../../../packages/core/src/notifications/render/composeRawEmail';
import { MimeCompositionError } from '../../../packages/core/src/notifications/render/errors';
import { renderNotice } from '../../../packages/core/src/notifications/render/renderNotice';
import { parseRawEmail } from '../../../packages/local/src/outbox/parseRawEmail';
import { aNotice } from './noticeFactory';

const anEmail = (overrides: Partial<RawEmailInput> = {}): RawEmailInput => {
  const notice = aNotice('flagged', 'facility', {
    worker: { displayName: 'سارة الحسيني <b>' },
  });

  return {
    from: { name: 'Rōvn Passport', address: 'notices@rovn.example' },
    to: { name: 'Priya Lindqvist', address: 'credentialing@lakeside.example' },
    noticeId: notice.noticeId,
    kind: notice.kind,
    date: new Date('2026-03-12T14:06:00Z'),
    ...renderNotice(notice),
    ...overrides,
  };
};

const decode = (raw: Uint8Array): string => new TextDecoder().decode(raw);

describe('composeRawEmail', () => {
  it('parses back to the same subject, html and text', async () => {
    const email = anEmail();

    const parsed = await parseRawEmail(await composeRawEmail(email));

    expect(parsed.subject).toBe(email.subject);
    expect(parsed.html).toBe(email.html);
    expect(parsed.text).toBe(email.text);
    expect(parsed.date?.toISOString()).toBe('2026-03-12T14:06:00.000Z');
  });

  it('labels the message with its notice id and kind', async () => {
    const email = anEmail();

    const parsed = await parseRawEmail(await composeRawEmail(email));

    expect(parsed.noticeId).toBe('ntc_flagged_facility');
    expect(parsed.kind).toBe('flagged');
  });

  it('builds a multipart/alternative with the text part first', async () => {
    const raw = decode(await composeRawEmail(anEmail()));

    const plainAt = raw.indexOf('Content-Type: text/plain');
    const htmlAt = raw.indexOf('Content-Type: text/html');

    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(plainAt).toBeGreaterThan(0);
    expect(htmlAt).toBeGreaterThan(plainAt);
  });

  it('yields the same bytes for the same email', async () => {
    const email = anEmail();

    const first = decode(await composeRawEmail(email));
    const second = decode(await composeRawEmail(email));

    expect(second).toBe(first);
    expect(first).toMatch(
      /^Message-ID: <ntc_flagged_facility@rovn\.example>$/m,
    );
  });

  it('keeps every line within the 998-octet limit of RFC 5322', async () => {
    const email = anEmail({ html: `<p>${'x'.repeat(5000)}</p>` });

    const raw = decode(await composeRawEmail(email));

    for (const line of raw.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(998);
    }
  });

  it('refuses a notice id that could break a header', async () => {
    const email = anEmail({ noticeId: 'ntc_1\r\nBcc: someone@evil.example' });

    const compose = composeRawEmail(email);

    await expect(compose).rejects.toThrow(MimeCompositionError);
  });
});
