import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Kysely } from 'kysely';
import { RovnError, toError } from '../errors';
import type { Log } from '../log/logger';
import {
  markNotificationFailed,
  markNotificationSent,
  markNotificationSuppressed,
  notificationStatus,
  reserveNotification,
} from '../store/notificationLog';
import type { Database } from '../store/schema';
import { isSuppressed } from '../store/suppressions';
import { NoticeDeliveryError, NoticeInFlightError } from './errors';
import { noticeIdFor, recipientHash } from './recipientHash';
import { composeRawEmail } from './render/composeRawEmail';
import type { Notice } from './render/notice';
import { renderNotice } from './render/renderNotice';

/** What the send-once path talks to. */
interface SendDeps {
  db: Kysely<Database>;
  ses: SESClient;
  from: string;
  configurationSet: string;
  clock: () => Date;
  log: Log;
  /** A reservation older than this is taken to belong to a dead notifier. */
  staleAfterMs?: number;
}

/** One notice to one recipient, with the key that makes it send once. */
interface NoticeDelivery {
  /** Unique per (subject of the notice, kind, window, recipient). */
  dedupeKey: string;
  /** The recipient's id (worker, facility or operator), for logs. */
  recipientId: string;
  /** What the notice is about; all null for operator notices. */
  about: {
    workerId: string | null;
    checkId: string | null;
    resultId: string | null;
  };
  notice: Omit<Notice, 'noticeId'>;
}

/** What became of one delivery. */
type DeliveryStatus = 'sent' | 'skipped' | 'suppressed';

const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

/**
 * Sends one notice at most once: takes its key in the notification log,
 * skips an address on the suppression list (recorded as `suppressed`),
 * renders, and sends raw through SES with the configuration set, so
 * bounces and complaints come back as feedback.
 *
 * A rendering or SES failure gives the key back and throws: the caller's
 * message is retried and only the recipients not yet served are mailed.
 * A notice another notifier holds (a fresh `pending` reservation) throws
 * too, rather than being skipped: that notifier may have died between
 * reserving and sending, and a skipped redelivery would then lose the
 * notice for good. The retry finds it sent, or takes over the stale
 * reservation.
 *
 * @returns `skipped` when the notice was sent (or suppressed) already
 * @throws NoticeInFlightError when another notifier holds the notice
 */
const sendNoticeOnce = async (
  deps: SendDeps,
  delivery: NoticeDelivery,
): Promise<DeliveryStatus> => {
  const { notice } = delivery;
  const now = deps.clock();
  const noticeId = noticeIdFor(notice.recipient.role, delivery.dedupeKey);
  const logKeys = {
    notice_id: noticeId,
    notice_kind: notice.kind,
    recipient_role: notice.recipient.role,
    recipient_id: delivery.recipientId,
    recipient_hash: recipientHash(notice.recipient.email),
    check_id: delivery.about.checkId,
  };

  const staleAfterMs = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const reservation = await reserveNotification(
    deps.db,
    {
      dedupeKey: delivery.dedupeKey,
      noticeKind: notice.kind,
      recipientRole: notice.recipient.role,
      recipientEmail: notice.recipient.email,
      ...delivery.about,
    },
    { now, staleAfterMs },
  );
  if (reservation === null) {
    const status = await notificationStatus(deps.db, delivery.dedupeKey);
    if (status !== 'pending') return 'skipped';

    throw new NoticeInFlightError(
      `Notice ${noticeId} (${notice.kind} to a ${notice.recipient.role}) is held by another notifier; the message is retried, and the notice is taken over if it is still unsent ${staleAfterMs / 1000} s after it was reserved`,
      { context: { notice_id: noticeId, stale_after_ms: staleAfterMs } },
    );
  }

  if (await isSuppressed(deps.db, notice.recipient.email)) {
    await markNotificationSuppressed(deps.db, reservation);
    deps.log.warn('Notice not sent: the address is suppressed', {
      ...logKeys,
      event: 'notice_suppressed',
      reason: 'address_on_suppression_list',
    });

    return 'suppressed';
  }

  try {
    const rendered = renderNotice({ ...notice, noticeId });
    const raw = await composeRawEmail({
      from: deps.from,
      to: { name: notice.recipient.name, address: notice.recipient.email },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      noticeId,
      kind: notice.kind,
      date: now,
    });
    const sent = await deps.ses.send(
      new SendRawEmailCommand({
        RawMessage: { Data: raw },
        ConfigurationSetName: deps.configurationSet,
        // The configuration set counts sending events by this tag.
        Tags: [{ Name: 'notice_kind', Value: notice.kind }],
      }),
    );
    await markNotificationSent(deps.db, reservation, {
      messageId: sent.MessageId ?? '',
      now: deps.clock(),
    });
    deps.log.info('Notice sent', {
      ...logKeys,
      event: 'notice_sent',
      ses_message_id: sent.MessageId ?? '',
    });

    return 'sent';
  } catch (caught) {
    await markNotificationFailed(deps.db, reservation);
    // SES messages can quote an address, so only our own errors' messages
    // (never PHI) are repeated; the original stays attached as the cause.
    const failure = toError(caught);
    const detail =
      failure instanceof RovnError ? failure.message : failure.name;
    deps.log.error('Notice failed; its key is given back for a retry', {
      ...logKeys,
      event: 'notice_failed',
      error_name: failure.name,
      error_detail: detail,
    });
    throw new NoticeDeliveryError(
      `Notice ${noticeId} (${notice.kind} to a ${notice.recipient.role}) was not sent: ${detail}; the message is retried and only unserved recipients are mailed`,
      {
        cause: caught,
        context: { notice_id: noticeId, error_name: failure.name },
      },
    );
  }
};

export type { DeliveryStatus, NoticeDelivery, SendDeps };
export { sendNoticeOnce };
