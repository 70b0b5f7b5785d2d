import type { SESClient } from '@aws-sdk/client-ses';
import type { Kysely } from 'kysely';
import {
  EXPIRY_NOTICE_DAYS,
  expiryNoticesDue,
} from '../cadence/expiryNoticesDue';
import type { Log } from '../log/logger';
import { recipientsFor } from '../store/recipients';
import type { Database } from '../store/schema';
import { isSourceId, SOURCES } from '../topology/sources';
import { addresseesFor } from './addresseesFor';
import { reportIfUnreachable } from './reportUnreachableFacility';
import { sendNoticeOnce } from './sendNoticeOnce';
import { workerAppUrl } from './workerAppUrl';

/** What the expiry reminders talk to. */
interface ExpiringDeps {
  db: Kysely<Database>;
  ses: SESClient;
  from: string;
  configurationSet: string;
  appBaseUrl: string;
  clock: () => Date;
  log: Log;
  /** Where a facility nobody can reach is reported. */
  operatorEmail?: string;
}

/** What one run of the expiry reminders did. */
interface ExpiringReport {
  due: number;
  sent: number;
  skipped: number;
  suppressed: number;
  /** Due, but no check shows the credential valid: nothing to say yet. */
  withheld: number;
}

/** The longest lead time of a reminder, in days. */
const HORIZON_DAYS = Math.max(0, ...EXPIRY_NOTICE_DAYS);
const DAY_MS = 86_400_000;
const CHUNK = 500;

interface CredentialRow {
  id: string;
  worker_id: string;
  label: string;
  expires_on: string | null;
}

/** The credential's most recently run check, which speaks for it. */
const latestChecks = async (
  db: Kysely<Database>,
  credentialIds: readonly string[],
) => {
  const rows = await db
    .selectFrom('checks')
    .select([
      'id',
      'credential_id',
      'source',
      'last_outcome',
      'last_result_id',
      'last_checked_at',
    ])
    .where('credential_id', 'in', credentialIds)
    .where('last_checked_at', 'is not', null)
    .orderBy('last_checked_at', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (!latest.has(row.credential_id)) latest.set(row.credential_id, row);
  }

  return latest;
};

/**
 * Sends the expiry reminders due today (see `expiryNoticesDue`) to the
 * worker and the facilities that employ them, once per day mark.
 *
 * A reminder says the source still showed the credential valid, so it is
 * sent only when the credential's latest check is `clear`; otherwise it is
 * withheld (a flagged or expired check sends its own notice).
 */
const notifyExpiring = async (deps: ExpiringDeps): Promise<ExpiringReport> => {
  const report: ExpiringReport = {
    due: 0,
    sent: 0,
    skipped: 0,
    suppressed: 0,
    withheld: 0,
  };
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);

  const credentials: CredentialRow[] = await deps.db
    .selectFrom('credentials')
    .select(['id', 'worker_id', 'label', 'expires_on'])
    .where('expires_on', '>=', today)
    .where('expires_on', '<=', horizon)
    .orderBy('id')
    .execute();
  const byId = new Map(credentials.map((c) => [c.id, c]));
  const due = expiryNoticesDue(
    credentials.flatMap((c) =>
      c.expires_on === null
        ? []
        : [{ credentialId: c.id, expiresOn: c.expires_on }],
    ),
    today,
  );
  report.due = due.length;

  for (let start = 0; start < due.length; start += CHUNK) {
    const chunk = due.slice(start, start + CHUNK);
    const checks = await latestChecks(
      deps.db,
      chunk.map((d) => d.credentialId),
    );
    for (const notice of chunk) {
      const credential = byId.get(notice.credentialId);
      const check = checks.get(notice.credentialId);
      if (
        credential === undefined ||
        check === undefined ||
        check.last_outcome !== 'clear' ||
        check.last_checked_at === null ||
        !isSourceId(check.source)
      ) {
        report.withheld += 1;
        deps.log.info('Expiry reminder withheld: no clear check', {
          event: 'expiry_notice_withheld',
          credential_id: notice.credentialId,
          mark: notice.mark,
        });
        continue;
      }

      const recipients = await recipientsFor(
        deps.db,
        credential.worker_id,
        today,
      );
      if (recipients === null) continue;
      for (const addressee of addresseesFor('expiring', recipients)) {
        const status = await sendNoticeOnce(deps, {
          dedupeKey: `expiring:${credential.id}:${notice.expiresOn}:d${notice.mark}:${addressee.role}:${addressee.id}`,
          recipientId: addressee.id,
          about: {
            workerId: credential.worker_id,
            checkId: check.id,
            resultId: check.last_result_id,
          },
          notice: {
            kind: 'expiring',
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
            source: { title: SOURCES[check.source].title },
            outcome: 'clear',
            findings: [],
            checkedAt: new Date(check.last_checked_at).toISOString(),
            expiresOn: notice.expiresOn,
            daysUntilExpiry: notice.daysUntilExpiry,
            appUrl: workerAppUrl(deps.appBaseUrl, credential.worker_id),
          },
        });
        report[status] += 1;
        await reportIfUnreachable(deps, addressee, status, 'clear');
      }
    }
  }

  return report;
};

export type { ExpiringDeps, ExpiringReport };
export { notifyExpiring };
