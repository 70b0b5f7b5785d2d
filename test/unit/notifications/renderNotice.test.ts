import { describe, expect, it } from 'vitest';
import {
  InvalidNoticeError,
  NoticeRecipientError,
} from '../../../packages/core/src/notifications/render/errors';
import {
  ALLOWED_ROLES,
  NOTICE_KINDS,
  type Notice,
  RECIPIENT_ROLES,
} from '../../../packages/core/src/notifications/render/notice';
import { renderNotice } from '../../../packages/core/src/notifications/render/renderNotice';
import { aNotice } from './noticeFactory';

const allowedPairs = NOTICE_KINDS.flatMap((kind) =>
  ALLOWED_ROLES[kind].map((role) => ({ kind, role })),
);
const refusedPairs = NOTICE_KINDS.flatMap((kind) =>
  RECIPIENT_ROLES.filter((role) => !ALLOWED_ROLES[kind].includes(role)).map(
    (role) => ({ kind, role }),
  ),
);

const FOOTER_OF = {
  worker: 'You receive this because you hold this credential',
  facility: 'You receive this because Lakeside General employs Maren Okafor',
  operator: 'You receive this because you operate',
} as const;

const userSpan = (value: string): string =>
  `<span dir="auto" style="word-break:break-word;overflow-wrap:anywhere;">${value}</span>`;

describe('renderNotice', () => {
  it.each(allowedPairs)(
    'renders a $kind notice for a $role with findings, link and footer',
    ({ kind, role }) => {
      const notice = aNotice(kind, role);

      const rendered = renderNotice(notice);

      expect(rendered.subject.length).toBeGreaterThan(10);
      expect(rendered.html).toContain(
        'href="https://app.rovn.example/workers/w_123"',
      );
      expect(rendered.text).toContain('https://app.rovn.example/workers/w_123');
      for (const { text } of notice.findings) {
        expect(rendered.html).toContain(text);
        expect(rendered.text).toContain(text);
      }
      expect(rendered.text).toContain(FOOTER_OF[role]);
      expect(rendered.html.replace(/<[^>]+>/g, '')).toContain(FOOTER_OF[role]);
      expect(rendered.text).toContain(`Reference: ${notice.noticeId}`);
    },
  );

  it.each(refusedPairs)(
    'refuses a $kind notice for a $role',
    ({ kind, role }) => {
      const notice = aNotice(kind, role);

      const render = () => renderNotice(notice);

      expect(render).toThrow(NoticeRecipientError);
    },
  );

  it('keeps the credential and the worker out of a worker subject', () => {
    const subjects = (['flagged', 'expired', 'expiring'] as const).map(
      (kind) => renderNotice(aNotice(kind, 'worker')).subject,
    );

    for (const subject of subjects) {
      expect(subject).not.toContain('Maren');
      expect(subject).not.toContain('RN license');
    }
  });

  it('names only the worker in a facility subject, never the credential', () => {
    const notice = aNotice('flagged', 'facility', {
      credential: { label: 'NPI 1234567893' },
    });

    const { subject } = renderNotice(notice);

    expect(subject).toContain('Maren Okafor');
    expect(subject).not.toContain('1234567893');
    expect(subject).not.toContain('exclusion');
  });

  it('states the expiry date and the days left of an expiring credential', () => {
    const notice = aNotice('expiring', 'worker', { daysUntilExpiry: 1 });

    const rendered = renderNotice(notice);

    expect(rendered.subject).toBe('Reminder: your credential expires tomorrow');
    expect(rendered.text).toContain('expires on April 30, 2026, tomorrow');
  });

  it('shows an ampersand and an apostrophe as such in the text part', () => {
    const notice = aNotice('flagged', 'facility', {
      facility: { name: "St. Brigid's Home & Hospice" },
    });

    const { text, html } = renderNotice(notice);

    expect(text).toContain("St. Brigid's Home & Hospice employs");
    expect(html).toContain('St. Brigid&#x27;s Home &amp; Hospice');
  });
});

describe('renderNotice with hostile input', () => {
  const SCRIPT = '<script>alert("x")</script>';
  const IMAGE = '"><img src=x onerror=alert(1)>';

  it('escapes markup and script in every user-supplied field', () => {
    const notice = aNotice('needs_review', 'facility', {
      recipient: {
        role: 'facility',
        name: `Ada ${IMAGE}`,
        email: 'ada@lakeside.example',
      },
      worker: { displayName: `Maren ${SCRIPT}` },
      facility: { name: `Lakeside ${IMAGE}` },
      credential: { label: `RN ${SCRIPT}` },
      source: { title: `Board ${IMAGE}` },
      findings: [{ code: 'name_mismatch', text: `Differs ${SCRIPT}` }],
    });

    const { html } = renderNotice(notice);

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;');
  });

  it('renders a 500-character name whole, in a span that wraps', () => {
    const longName = 'Okafor'.repeat(84).slice(0, 500);
    const notice = aNotice('flagged', 'facility', {
      worker: { displayName: longName },
    });

    const { html, subject } = renderNotice(notice);

    expect(longName).toHaveLength(500);
    expect(html).toContain(userSpan(longName));
    expect(Array.from(subject).length).toBeLessThan(120);
    expect(subject).toContain('…');
  });

  it('keeps Arabic and Hebrew names intact, marked dir="auto"', () => {
    const notice = aNotice('expired', 'facility', {
      worker: { displayName: 'سارة الحسيني' },
      facility: { name: 'בית החולים נועה' },
    });

    const { html, text, subject } = renderNotice(notice);

    expect(html).toContain(userSpan('سارة الحسيني'));
    expect(html).toContain(userSpan('בית החולים נועה'));
    expect(text).toContain('בית החולים נועה employs سارة الحسيني');
    expect(subject).toBe('Credential expired for سارة الحسيني');
  });

  it('strips bidi overrides and line breaks from names', () => {
    const notice = aNotice('flagged', 'facility', {
      worker: { displayName: 'Maren\u202e rekafO\r\n\r\nReply with your SSN' },
    });

    const { text, html } = renderNotice(notice);

    expect(html).not.toContain('\u202e');
    expect(text).toContain('Maren rekafO Reply with your SSN');
    expect(text).not.toMatch(/^Reply with your SSN/m);
  });

  it.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://maren:secret@app.rovn.example/workers/w_123',
    '/workers/w_123',
  ])('refuses the app link %s', (appUrl) => {
    const notice = aNotice('flagged', 'worker', { appUrl });

    const render = () => renderNotice(notice);

    expect(render).toThrow(InvalidNoticeError);
    expect(render).toThrow(/appUrl/);
  });

  it('refuses a date-of-birth field without echoing its value', () => {
    const notice = {
      ...aNotice('flagged', 'worker'),
      worker: { displayName: 'Maren Okafor', dateOfBirth: '1984-07-19' },
    } as Notice;

    const render = () => renderNotice(notice);

    expect(render).toThrow(InvalidNoticeError);
    expect(render).toThrow(/worker: unrecognized_keys/);
    expect(render).not.toThrow(/1984/);
  });

  it('refuses a name carrying a date without echoing it', () => {
    const notice = aNotice('flagged', 'facility', {
      worker: { displayName: 'Maren Okafor 07/19/1984' },
    });

    const render = () => renderNotice(notice);

    expect(render).toThrow(/worker\.displayName: custom/);
    expect(render).not.toThrow(/1984/);
  });

  it.each([
    'Matched by name and date of birth 1984-07-19.',
    'Matched on DOB 07/19/1984.',
    'Born July 19, 1984; excluded.',
    'Born 19 Jul 1984; excluded.',
    'Born 19.07.1984; excluded.',
  ])('withholds the date in the finding "%s"', (findingText) => {
    const notice = aNotice('flagged', 'facility', {
      findings: [{ code: 'exclusion', text: findingText }],
    });

    const { html, text, subject } = renderNotice(notice);

    for (const output of [html, text, subject]) {
      expect(output).not.toContain('1984');
    }
    expect(text).toContain('[date withheld]');
  });

  it('keeps the expiry date when a finding states it', () => {
    const notice = aNotice('expired', 'worker', {
      expiresOn: '2026-01-31',
      findings: [{ code: 'expired', text: 'Lapsed on 2026-01-31.' }],
    });

    const { text } = renderNotice(notice);

    expect(text).toContain('Lapsed on 2026-01-31.');
    expect(text).toContain('It expired on January 31, 2026.');
  });

  it('refuses an expiring notice about a check that is not clear', () => {
    const notice = aNotice('expiring', 'worker', { outcome: 'flagged' });

    const render = () => renderNotice(notice);

    expect(render).toThrow(/outcome: custom/);
  });
});
