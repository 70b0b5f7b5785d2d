import type { SESClient } from '@aws-sdk/client-ses';
import type { Kysely } from 'kysely';
import { NOTIFIABLE_OUTCOMES } from '../domain/outcome';
import type { VerificationCompleted } from '../events/contracts';
import type { Log } from '../log/logger';
import { recipientsFor } from '../store/recipients';
import type { Database } from '../store/schema';
import { SOURCES } from '../topology/sources';
import { addresseesFor } from './addresseesFor';
import { findingText, isReportableFinding } from './findingText';
import type { NoticeKind } from './render/notice';
import { reportIfUnreachable } from './reportUnreachableFacility';
import { sendNoticeOnce } from './sendNoticeOnce';
import { workerAppUrl } from './workerAppUrl';

/** What the change notifier talks to. */
interface NotifyDeps {
  db: Kysely<Database>;
  ses: SESClient;
  from: string;
  configurationSet: string;
  appBaseUrl: string;
  clock: () => Date;
  log: Log;
  /** Where operator notices go (a facility nobody can reach). */
  operatorEmail?: string;
  /** A reservation older than this is taken to belong to a dead notifier. */
  staleAfterMs?: number;
}

/** What one event's notices came to. */
interface NotifyReport {
  sent: number;
  skipped: number;
  suppressed: number;
}

/**
 * Emails everyone entitled to hear about a changed outcome, once each.
 *
 * The notice log's unique key (result, kind, role, recipient) is taken
 * before sending (see `sendNoticeOnce`), so a redelivered event or a
 * second notifier sends nothing new; a failed send gives the key back and
 * throws, so the message is retried for the recipients not yet served. A
 * facility whose only address is suppressed is reported to operators.
 */
const notifyChange = async (
  deps: NotifyDeps,
  event: VerificationCompleted,
): Promise<NotifyReport> => {
  const report: NotifyReport = { sent: 0, skipped: 0, suppressed: 0 };
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

  for (const addressee of addresseesFor(kind, recipients)) {
    const status = await sendNoticeOnce(deps, {
      dedupeKey: `${event.resultId}:${kind}:${addressee.role}:${addressee.id}`,
      recipientId: addressee.id,
      about: {
        workerId: event.workerId,
        checkId: event.checkId,
        resultId: event.resultId,
      },
      notice: {
        kind,
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
        findings: event.findingCodes
          .filter(isReportableFinding)
          .map((code) => ({ code, text: findingText(code) })),
        checkedAt: event.checkedAt,
        appUrl: workerAppUrl(deps.appBaseUrl, event.workerId),
      },
    });
    report[status] += 1;
    await reportIfUnreachable(deps, addressee, status, event.outcome);
  }

  return report;
};

export type { NotifyDeps, NotifyReport };
export { notifyChange };
