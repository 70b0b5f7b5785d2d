import { describe, expect, it } from 'vitest';
import {
  type InvocationChaos,
  runWithChaos,
} from '../../../packages/local/src/chaos/invocationChaos';
import { createNoticeSends } from '../../../packages/local/src/chaos/noticeSends';

const invocation = (label: string): InvocationChaos => ({
  label,
  steps: 0,
  killAfterStep: null,
  killedAt: null,
  queries: 0,
});

const rawEmail = (noticeId: string): Uint8Array =>
  Buffer.from(
    `From: a@rovn.example\r\nX-Rovn-Notice-Id: ${noticeId}\r\nSubject: s\r\n\r\nX-Rovn-Notice-Id: body.not.a.header\r\n`,
  );

describe('createNoticeSends', () => {
  it('counts the emails of notifier invocations killed mid-handler', async () => {
    const sends = createNoticeSends();
    const killed = invocation('notifier#1');
    const lived = invocation('notifier#2');
    const returned = invocation('notifier#3');

    await runWithChaos(killed, async () => sends.note(rawEmail('worker.a')));
    await runWithChaos(lived, async () => sends.note(rawEmail('worker.b')));
    await runWithChaos(returned, async () => sends.note(rawEmail('worker.d')));
    sends.note(rawEmail('worker.c'));
    killed.killedAt = 'after ses:SendRawEmail';
    returned.killedAt = 'before sqs:DeleteMessage';

    expect(sends.byKilledInvocations()).toEqual(new Map([['worker.a', 1]]));
  });

  it('reads the notice id from the headers only', async () => {
    const sends = createNoticeSends();
    const killed = { ...invocation('notifier#4'), killedAt: 'after db:select' };

    await runWithChaos(killed, async () => {
      sends.note(Buffer.from('Subject: s\r\n\r\nX-Rovn-Notice-Id: body.x\r\n'));
    });

    expect(sends.byKilledInvocations()).toEqual(new Map());
  });
});
