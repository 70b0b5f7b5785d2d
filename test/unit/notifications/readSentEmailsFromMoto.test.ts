import {
  SESClient,
  SendRawEmailCommand,
  VerifyDomainIdentityCommand,
} from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeRawEmail,
  type RawEmailInput,
} from '../../../packages/core/src/notifications/render/composeRawEmail';
import type {
  NoticeKind,
  RecipientRole,
} from '../../../packages/core/src/notifications/render/notice';
import { renderNotice } from '../../../packages/core/src/notifications/render/renderNotice';
import { awsClientConfig } from '../../../packages/local/src/emulator/awsClientConfig';
import { findFreePort } from '../../../packages/local/src/emulator/findFreePort';
import {
  type MotoServer,
  startMotoServer,
} from '../../../packages/local/src/emulator/startMotoServer';
import { MotoMailReadError } from '../../../packages/local/src/outbox/errors';
import { readSentEmailsFromMoto } from '../../../packages/local/src/outbox/readSentEmailsFromMoto';
import { aNotice } from './noticeFactory';

const anEmailFor = (
  kind: NoticeKind,
  role: RecipientRole,
  date: string,
): RawEmailInput => {
  const notice = aNotice(kind, role);

  return {
    from: 'notices@rovn.example',
    to: notice.recipient.email,
    noticeId: notice.noticeId,
    kind,
    date: new Date(date),
    ...renderNotice(notice),
  };
};

const fetchReturning =
  (body: unknown, status = 200): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status });

describe('readSentEmailsFromMoto', () => {
  let moto: MotoServer | undefined;
  let ses: SESClient | undefined;
  const sent = [
    anEmailFor('flagged', 'facility', '2026-03-12T14:06:00Z'),
    anEmailFor('expiring', 'worker', '2026-03-12T14:07:00Z'),
  ];

  beforeAll(async () => {
    moto = await startMotoServer();
    ses = new SESClient(awsClientConfig(moto.endpoint));
    await ses.send(new VerifyDomainIdentityCommand({ Domain: 'rovn.example' }));
    for (const email of sent) {
      const raw = await composeRawEmail(email);
      await ses.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
    }
  });

  afterAll(async () => {
    ses?.destroy();
    await moto?.stop();
  });

  it('reads back every raw email SES accepted, parsed', async () => {
    const endpoint = moto?.endpoint ?? '';

    const emails = await readSentEmailsFromMoto(`${endpoint}/`);

    expect(
      emails.map(({ noticeId, kind, to, sentAt }) => ({
        noticeId,
        kind,
        to,
        sentAt,
      })),
    ).toEqual([
      {
        noticeId: 'ntc_flagged_facility',
        kind: 'flagged',
        to: 'credentialing@lakeside.example',
        sentAt: '2026-03-12T14:06:00.000Z',
      },
      {
        noticeId: 'ntc_expiring_worker',
        kind: 'expiring',
        to: 'maren.okafor@mail.example',
        sentAt: '2026-03-12T14:07:00.000Z',
      },
    ]);
    expect(emails.map((email) => email.subject)).toEqual(
      sent.map((email) => email.subject),
    );
    expect(emails[0]?.html).toBe(sent[0]?.html);
  });

  it('keeps the MIME exactly as sent', async () => {
    const endpoint = moto?.endpoint ?? '';
    const [first] = sent;
    if (first === undefined) throw new Error('the fixture lists no email');
    const expected = await composeRawEmail(first);

    const emails = await readSentEmailsFromMoto(endpoint);

    expect(emails[0]?.raw).toEqual(expected);
  });

  it('reads nothing from a moto that never saw SES', async () => {
    const read = readSentEmailsFromMoto('http://moto.test', {
      fetch: fetchReturning({ s3: {} }),
    });

    await expect(read).resolves.toEqual([]);
  });

  it('names the shape when the dump changed', async () => {
    const read = readSentEmailsFromMoto('http://moto.test', {
      fetch: fetchReturning({ ses: { RawMessage: [{ id: 1 }] } }),
    });

    await expect(read).rejects.toThrow(/ses\.RawMessage/);
  });

  it('says moto is unreachable when nothing listens', async () => {
    const port = await findFreePort('127.0.0.1');

    const read = readSentEmailsFromMoto(`http://127.0.0.1:${port}`);

    await expect(read).rejects.toThrow(MotoMailReadError);
    await expect(read).rejects.toThrow(/is moto_server running/);
  });

  it('reports an HTTP error of moto with its status', async () => {
    const read = readSentEmailsFromMoto('http://moto.test', {
      fetch: fetchReturning({}, 500),
    });

    await expect(read).rejects.toThrow(/HTTP 500/);
  });
});
