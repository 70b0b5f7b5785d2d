import type { Outcome } from '../domain/outcome';
import type { Addressee } from './addresseesFor';
import { type SendDeps, sendNoticeOnce } from './sendNoticeOnce';

/** Where operator notices go; absent, they are only logged. */
interface OperatorDeps extends SendDeps {
  operatorEmail?: string;
  appBaseUrl: string;
}

/**
 * Tells operators that a facility has no reachable address: its only
 * notification address is suppressed, so it hears nothing about its
 * workers. Logged every time (`facility_unreachable`, for a metric
 * filter) and emailed at most once per facility per day.
 */
const reportUnreachableFacility = async (
  deps: OperatorDeps,
  input: { facilityId: string; facilityName: string; outcome: Outcome },
): Promise<void> => {
  const now = deps.clock();
  deps.log.warn('A facility has no reachable notification address', {
    event: 'facility_unreachable',
    facility_id: input.facilityId,
  });
  if (deps.operatorEmail === undefined) {
    return;
  }

  const day = now.toISOString().slice(0, 10);
  await sendNoticeOnce(deps, {
    dedupeKey: `facility_unreachable:${input.facilityId}:${day}:operator`,
    recipientId: 'operators',
    about: { workerId: null, checkId: null, resultId: null },
    notice: {
      kind: 'facility_unreachable',
      recipient: {
        role: 'operator',
        name: 'Rōvn operators',
        email: deps.operatorEmail,
      },
      facility: { name: input.facilityName },
      source: { title: 'Rōvn Passport notifier' },
      outcome: input.outcome,
      findings: [],
      checkedAt: now.toISOString(),
      appUrl: new URL(
        `/facilities/${encodeURIComponent(input.facilityId)}`,
        deps.appBaseUrl,
      ).toString(),
    },
  });
};

/**
 * Reports the facility when a notice to it was suppressed: the step both
 * the change notifier and the expiry reminders take after each send.
 */
const reportIfUnreachable = async (
  deps: OperatorDeps,
  addressee: Addressee,
  status: string,
  outcome: Outcome,
): Promise<void> => {
  if (status !== 'suppressed' || addressee.facilityName === undefined) return;

  await reportUnreachableFacility(deps, {
    facilityId: addressee.id,
    facilityName: addressee.facilityName,
    outcome,
  });
};

export type { OperatorDeps };
export { reportIfUnreachable, reportUnreachableFacility };
