import { RovnError } from '../errors';
import {
  buildNotificationLookupSubmit,
  type NursysCredentialsProvider,
} from '../sources/nursys/buildNursysRequests';
import { licenseKey } from '../sources/nursys/licenseKey';
import {
  NURSYS_POLLING,
  type NursysPolling,
} from '../sources/nursys/nursysAdapter';
import { parseNursysNotifications } from '../sources/nursys/parseNursysNotifications';
import { parseNursysTransaction } from '../sources/nursys/parseNursysTransaction';
import {
  finishNotificationLookup,
  lastNotificationWindowEnd,
  markNursysLicensesDue,
  startNotificationLookup,
} from '../store/nursysNotifications';
import { callNursys, type NursysCallDeps, pollNursys } from './nursysCall';

interface NursysNotificationDeps extends NursysCallDeps {
  credentials: NursysCredentialsProvider;
  /** Default `NURSYS_POLLING`. */
  polling?: NursysPolling;
}

/** What one notification lookup did; counts only, no person. */
interface NursysNotificationReport {
  windowStart: string;
  windowEnd: string;
  transactionId: string;
  receiptKey: string;
  /** Changes Nursys reported (one per license and change). */
  reported: number;
  /** Distinct licenses reported that match a `nursys` check of ours. */
  knownLicenses: number;
  /** Distinct licenses reported that match none (counted, not errors). */
  unknownLicenses: number;
  /** Checks moved to due now (in-flight and already-due ones are not). */
  checksMarkedDue: number;
}

/**
 * The notification lookup failed; the window is not moved, so the next
 * run asks for this window again. The message names the step and a stable
 * reason code only.
 */
class NursysNotificationError extends RovnError {
  override readonly name = 'NursysNotificationError';
}

/** The first run looks back this far. */
const FIRST_WINDOW_MS = 86_400_000;

/**
 * The daily Nursys notification lookup: asks for the changes reported
 * since the end of the last complete lookup (the first time: the last
 * day) up to now, archives the answer as a receipt, and makes the
 * `nursys` checks of just the reported licenses due now, so the sweep
 * verifies them again. Licenses that match no check are counted.
 *
 * Submit and poll work as for a nurse lookup (see `pollNursys`). Only a
 * complete answer moves the window; anything else is recorded as failed
 * and thrown as `NursysNotificationError`, so the schedule's retry and
 * the function's error alarm see it.
 *
 * @throws NursysNotificationError when Nursys gave no usable answer
 */
const lookupNursysNotifications = async (
  deps: NursysNotificationDeps,
): Promise<NursysNotificationReport> => {
  const now = deps.clock();
  const last = await lastNotificationWindowEnd(deps.db);
  const window = {
    start: last ?? new Date(now.getTime() - FIRST_WINDOW_MS),
    end: now,
  };
  const id = await startNotificationLookup(deps.db, { ...window, now });
  const context = { operation: 'notificationlookup' };
  const fail = async (
    reason: string,
    found: { transactionId?: string; receiptKey?: string | null } = {},
  ): Promise<never> => {
    await finishNotificationLookup(deps.db, {
      id,
      status: 'failed',
      transactionId: found.transactionId ?? null,
      receiptKey: found.receiptKey ?? null,
      now: deps.clock(),
    });
    throw new NursysNotificationError(
      `The Nursys notification lookup failed (${reason}); the same window is asked for at the next run`,
      { context: { reason, lookup_id: id } },
    );
  };

  const credentials = await deps.credentials();
  const submit = await callNursys(
    deps,
    buildNotificationLookupSubmit(window, credentials),
    context,
  );
  if (!submit.ok) {
    return fail('source_unreachable');
  }
  const transaction = parseNursysTransaction(submit.response);
  if (transaction.kind !== 'submitted') {
    return fail(transaction.kind, { receiptKey: submit.receiptKey });
  }
  const { transactionId } = transaction;
  const end = await pollNursys(deps, {
    operation: 'notificationlookup',
    transactionId,
    credentials,
    parse: parseNursysNotifications,
    polling: deps.polling ?? { ...NURSYS_POLLING },
    waitFirst: true,
    context,
  });
  if (end.kind !== 'answer') {
    return fail(end.kind, { transactionId, receiptKey: end.receiptKey });
  }
  if (end.parsed.kind !== 'complete') {
    return fail(end.parsed.kind, { transactionId, receiptKey: end.receiptKey });
  }

  const keys = [...new Set(end.parsed.notifications.map(licenseKey))];
  const { knownKeys, markedDue } = await markNursysLicensesDue(
    deps.db,
    keys,
    deps.clock(),
  );
  const report: NursysNotificationReport = {
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    transactionId,
    receiptKey: end.receiptKey,
    reported: end.parsed.notifications.length,
    knownLicenses: knownKeys.size,
    unknownLicenses: keys.filter((key) => !knownKeys.has(key)).length,
    checksMarkedDue: markedDue,
  };
  await finishNotificationLookup(deps.db, {
    id,
    status: 'complete',
    transactionId,
    receiptKey: end.receiptKey,
    reported: report.reported,
    checksMarkedDue: report.checksMarkedDue,
    unknownNurses: report.unknownLicenses,
    now: deps.clock(),
  });
  deps.log.info('Nursys notifications applied', {
    source: 'nursys',
    reported: report.reported,
    known_licenses: report.knownLicenses,
    unknown_licenses: report.unknownLicenses,
    checks_marked_due: report.checksMarkedDue,
    receipt_key: report.receiptKey,
  });

  return report;
};

export type { NursysNotificationDeps, NursysNotificationReport };
export { lookupNursysNotifications, NursysNotificationError };
