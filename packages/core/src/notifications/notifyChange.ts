import { createHash } from 'node:crypto';
import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Kysely } from 'kysely';
import { NOTIFIABLE_OUTCOMES } from '../domain/outcome';
import type { VerificationCompleted } from '../events/contracts';
import type { Log } from '../log/logger';
import {
  markNotificationFailed,
  markNotificationSent,
  reserveNotification,
} from '../store/notificationLog';
import { recipientsFor } from '../store/recipients';
import type { Database } from '../store/schema';
import { SOURCES } from '../topology/sources';
import { findingText } from './findingText';
import { composeRawEmail } from './render/composeRawEmail';
import {
  ALLOWED_ROLES,
  type Notice,
  type NoticeKind,
  type RecipientRole,
} from './render/notice';
import { renderNotice } from './render/renderNotice';

interface NotifyDeps {
  db: Kysely<Database>;
  ses: SESClient;
  from: string;
  configurationSet: string;
  appBaseUrl: string;
  clock: () => Date;
  log: Log;
  /** A reservation older than this is taken to belong to a dead notifier. */
  staleAfterMs?: number;
}

interface NotifyReport {
  sent: number;
  skipped: number;
}

interface Addressee {
  role: RecipientRole;
  id: string;
  name: string;
  email: string;
  facilityName?: string;
}

/** A stable, header-safe id for one notice to one recipient. */
const noticeIdFor = (resultId: string, role: string, id: string): string =>
  `${role}.${createHash('sha256').update(`${resultId}|${role}|${id}`).digest('hex').slice(0, 32)}`;

/**
 * Emails everyone entitled to hear about a changed outcome, once each.
 *
 * The notice log's unique key (result, kind, role, recipient) is taken
 * before sending, so a redelivered event or a second notifier sends
 * nothing new; a failed send gives the key back and throws, so the
 * message is retried for the recipients not yet served.
 */
const notifyChange = async (
  deps: NotifyDeps,
  event: VerificationCompleted,
): Promise<NotifyReport> => {
  const report: NotifyReport = { sent: 0, skipped: 0 };
  const kind = event.outcome as NoticeKind;
  if (
    !event.changed ||
    !(NOTIFIABLE_OUTCOMES as readonly string[]).includes(event.outcome)
  ) {
    return report;
  }

  const now = deps.clock();
  const recipients = await recipientsFor(
    deps.db,
    event.workerId,
    now.toISOString().slice(0, 10),
  );
  const credential = await deps.db
    .selectFrom('credentials')
    .select('label')
    .where('id', '=', event.credentialId)
    .executeTakeFirst();
  if (recipients === null || credential === undefined) {
    deps.log.warn('No worker or credential for a completed check', {
      check_id: event.checkId,
    });

    return report;
  }

  const allowed = ALLOWED_ROLES[kind];
  const addressees: Addressee[] = [
    ...(allowed.includes('worker')
      ? [
          {
            role: 'worker' as const,
            ...recipients.worker,
            name: recipients.worker.displayName,
          },
        ]
      : []),
    ...(allowed.includes('facility')
      ? recipients.facilities.map((f) => ({
          role: 'facility' as const,
          id: f.id,
          name: `${f.name} credentialing`,
          email: f.email,
          facilityName: f.name,
        }))
      : []),
  ];

  for (const addressee of addressees) {
    const reservation = await reserveNotification(
      deps.db,
      {
        dedupeKey: `${event.resultId}:${kind}:${addressee.role}:${addressee.id}`,
        noticeKind: kind,
        recipientRole: addressee.role,
        recipientEmail: addressee.email,
        workerId: event.workerId,
        checkId: event.checkId,
        resultId: event.resultId,
      },
      { now, staleAfterMs: deps.staleAfterMs ?? 10 * 60_000 },
    );
    if (reservation === null) {
      report.skipped += 1;
      continue;
    }

    const notice: Notice = {
      kind,
      noticeId: noticeIdFor(event.resultId, addressee.role, addressee.id),
      recipient: {
        role: addressee.role,
        name: addressee.name,
        email: addressee.email,
      },
      worker: { displayName: recipients.worker.displayName },
      ...(addressee.facilityName === undefined
        ? {}
        : { facility: { name: addressee.facilityName } }),
      credential: { label: credential.label },
      source: { title: SOURCES[event.source].title },
      outcome: event.outcome,
      findings: event.findingCodes.map((code) => ({
        code,
        text: findingText(code),
      })),
      checkedAt: event.checkedAt,
      appUrl: new URL(
        `/workers/${encodeURIComponent(event.workerId)}`,
        deps.appBaseUrl,
      ).toString(),
    };

    try {
      const rendered = renderNotice(notice);
      const raw = await composeRawEmail({
        from: deps.from,
        to: { name: addressee.name, address: addressee.email },
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        noticeId: notice.noticeId,
        kind,
        date: now,
      });
      const sent = await deps.ses.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          ConfigurationSetName: deps.configurationSet,
        }),
      );
      await markNotificationSent(deps.db, reservation, {
        messageId: sent.MessageId ?? '',
        now: deps.clock(),
      });
      report.sent += 1;
      deps.log.info('Notice sent', {
        check_id: event.checkId,
        notice_id: notice.noticeId,
        notice_kind: kind,
        recipient_role: addressee.role,
      });
    } catch (error) {
      await markNotificationFailed(deps.db, reservation);
      throw error;
    }
  }

  return report;
};

export type { NotifyDeps, NotifyReport };
export { notifyChange };
