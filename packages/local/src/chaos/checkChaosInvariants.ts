import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  type Database,
  NOTIFIABLE_OUTCOMES,
  noticeIdFor,
  recipientsFor,
} from '@rovn/core';
import type { Kysely } from 'kysely';
import { addresseesFor } from '../../../core/src/notifications/addresseesFor';
import type { NoticeKind } from '../../../core/src/notifications/render/notice';
import type { SentEmail } from '../outbox/sentEmail';
import type { ServedResponse } from '../simulator/simulatorFaults';
import {
  checkSourceVerdicts,
  type SourceVerdicts,
} from './checkSourceVerdicts';
import { readDeadLetters } from './readDeadLetters';

/** What the chaos check reads. */
interface ChaosInvariantInput {
  db: Kysely<Database>;
  sqs: SQSClient;
  /** DLQs of the source queues and of the notifications queue. */
  dlqUrls: readonly string[];
  /** The checks that were due when the sweep fired. */
  dueCheckIds: readonly string[];
  /** Results from this time on belong to the run. */
  since: Date;
  served: readonly ServedResponse[];
  emails: readonly SentEmail[];
  /** Receipt objects in the bucket (indexed or not). */
  receiptObjects: number;
  /**
   * Per notice id, the emails SES accepted from notifier invocations that
   * were then killed: each may be sent once more (see `NoticeSends`).
   */
  sentByKilledNotifiers: ReadonlyMap<string, number>;
}

/** The counts the chaos run checked, and every broken invariant. */
interface ChaosInvariants {
  checks: {
    due: number;
    /** The due checks per source. */
    dueBySource: Record<string, number>;
    withOneResult: number;
    inDlqWithReason: number;
    withSeveralResults: number;
    withoutOutcome: number;
  };
  dlq: { messages: number; withReason: number };
  receipts: {
    rows: number;
    distinctContent: number;
    namedButMissing: number;
    /**
     * Objects in the bucket: above `rows` when a killed invocation archived
     * bytes that its retry did not get again (never indexed, still locked).
     */
    objects: number;
  };
  notices: {
    expected: number;
    logRows: number;
    distinctKeys: number;
    sent: number;
    /** Emails sent again because their notifier died before marking them. */
    resentAfterKill: number;
    suppressed: number;
    unfinished: number;
    emails: number;
  };
  clear: SourceVerdicts['clear'];
  onFaultyAnswers: SourceVerdicts['onFaultyAnswers'];
  /** One line per broken invariant (ids only, never PHI); empty when held. */
  violations: string[];
}

const parseJson = (body: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  }

  return counts;
};

/**
 * Checks the promises of issue #8 after a chaos run: every due check has
 * exactly one result or a DLQ message with its reason; one receipt per
 * content; every notice emailed exactly once; no `clear` that the
 * simulator's log does not back with a well-formed success of the check's
 * own source, and no verdict but `source_unavailable` on a faulty answer
 * (see `checkSourceVerdicts`).
 */
const checkChaosInvariants = async (
  input: ChaosInvariantInput,
): Promise<ChaosInvariants> => {
  const { db } = input;
  const violations: string[] = [];

  const letters = await readDeadLetters(input.sqs, input.dlqUrls);
  const failures = await db
    .selectFrom('message_failures')
    .select('message_id')
    .distinct()
    .execute();
  const withReason = new Set(failures.map((f) => f.message_id));
  const reasoned = letters.filter((l) => withReason.has(l.messageId));
  for (const letter of letters) {
    if (!withReason.has(letter.messageId)) {
      violations.push(
        `DLQ ${letter.queue} holds message ${letter.messageId} with no recorded reason`,
      );
    }
  }
  const checksInDlq = new Set(
    reasoned.map((l) => String(parseJson(l.body).checkId ?? '')),
  );
  const resultsInDlq = new Set(
    reasoned.map((l) => {
      const detail = parseJson(l.body).detail as { resultId?: unknown };
      return String(detail?.resultId ?? '');
    }),
  );

  const results = await db
    .selectFrom('results')
    .innerJoin('checks', 'checks.id', 'results.check_id')
    .select([
      'results.id',
      'results.check_id',
      'results.source',
      'results.outcome',
      'results.previous_outcome',
      'results.receipt_key',
      'checks.worker_id',
    ])
    .where('results.checked_at', '>=', input.since)
    .execute();
  const perCheck = countBy(results, (r) => r.check_id);
  let withOneResult = 0;
  let inDlqWithReason = 0;
  let withSeveralResults = 0;
  let withoutOutcome = 0;
  for (const checkId of input.dueCheckIds) {
    const n = perCheck.get(checkId) ?? 0;
    if (n === 1) withOneResult += 1;
    else if (n > 1) {
      withSeveralResults += 1;
      violations.push(`check ${checkId} has ${n} results`);
    } else if (checksInDlq.has(checkId)) inDlqWithReason += 1;
    else {
      withoutOutcome += 1;
      violations.push(`check ${checkId} has no result and no DLQ message`);
    }
  }

  const sourceOfCheck = new Map(
    (await db.selectFrom('checks').select(['id', 'source']).execute()).map(
      (check) => [check.id, check.source],
    ),
  );
  const dueBySource = countBy(
    input.dueCheckIds,
    (checkId) => sourceOfCheck.get(checkId) ?? 'unknown',
  );

  const receipts = await db
    .selectFrom('receipts')
    .select(['key', 'source', 'sha256'])
    .execute();
  const receiptOfKey = new Map(receipts.map((r) => [r.key, r]));
  const distinctContent = new Set(
    receipts.map((r) => `${r.source}:${r.sha256}`),
  ).size;
  if (distinctContent !== receipts.length) {
    violations.push(
      `${receipts.length} receipt rows for ${distinctContent} distinct contents`,
    );
  }
  const namedButMissing = results.filter(
    (r) => r.receipt_key !== null && !receiptOfKey.has(r.receipt_key),
  );
  for (const r of namedButMissing) {
    violations.push(
      `result ${r.id} names receipt ${r.receipt_key}, not indexed`,
    );
  }

  const verdicts = checkSourceVerdicts({
    results,
    receipts: receiptOfKey,
    served: input.served,
  });
  violations.push(...verdicts.violations);

  const log = await db
    .selectFrom('notification_log')
    .select(['dedupe_key', 'recipient_role', 'status'])
    .execute();
  const logByKey = new Map(log.map((row) => [row.dedupe_key, row]));
  const emailsPerNotice = countBy(input.emails, (e) => e.noticeId);
  const sentNoticeIds = new Set<string>();
  let resentAfterKill = 0;
  for (const row of log) {
    const noticeId = noticeIdFor(row.recipient_role, row.dedupe_key);
    const emailed = emailsPerNotice.get(noticeId) ?? 0;
    const again = input.sentByKilledNotifiers.get(noticeId) ?? 0;
    if (row.status === 'sent') sentNoticeIds.add(noticeId);
    if (row.status === 'sent' && emailed >= 1 && emailed - 1 <= again) {
      resentAfterKill += emailed - 1;
    } else if (row.status === 'sent') {
      violations.push(
        `notice ${noticeId} is logged sent and was emailed ${emailed} times (${again} by notifiers killed before marking it)`,
      );
    } else if (row.status === 'pending' || row.status === 'failed') {
      violations.push(
        `notice ${noticeId} is left ${row.status} (emailed ${emailed} times)`,
      );
    }
  }
  for (const [noticeId, n] of emailsPerNotice) {
    if (!sentNoticeIds.has(noticeId)) {
      violations.push(`${n} emails of notice ${noticeId} have no sent log row`);
    }
  }

  const today = new Date().toISOString().slice(0, 10);
  let expected = 0;
  const notifiable = results.filter(
    (r) =>
      r.outcome !== r.previous_outcome &&
      (NOTIFIABLE_OUTCOMES as readonly string[]).includes(r.outcome),
  );
  for (const r of notifiable) {
    const kind = r.outcome as NoticeKind;
    const recipients = await recipientsFor(db, r.worker_id, today);
    if (recipients === null) continue;
    for (const addressee of addresseesFor(kind, recipients)) {
      expected += 1;
      const key = `${r.id}:${kind}:${addressee.role}:${addressee.id}`;
      const row = logByKey.get(key);
      if (row === undefined && !resultsInDlq.has(r.id)) {
        violations.push(
          `notice ${noticeIdFor(addressee.role, key)} about result ${r.id} was never sent`,
        );
      }
    }
  }

  return {
    checks: {
      due: input.dueCheckIds.length,
      dueBySource: Object.fromEntries(dueBySource),
      withOneResult,
      inDlqWithReason,
      withSeveralResults,
      withoutOutcome,
    },
    dlq: { messages: letters.length, withReason: reasoned.length },
    receipts: {
      rows: receipts.length,
      distinctContent,
      namedButMissing: namedButMissing.length,
      objects: input.receiptObjects,
    },
    notices: {
      expected,
      logRows: log.length,
      distinctKeys: logByKey.size,
      sent: log.filter((row) => row.status === 'sent').length,
      resentAfterKill,
      suppressed: log.filter((row) => row.status === 'suppressed').length,
      unfinished: log.filter((row) =>
        ['pending', 'failed'].includes(row.status),
      ).length,
      emails: input.emails.length,
    },
    clear: verdicts.clear,
    onFaultyAnswers: verdicts.onFaultyAnswers,
    violations,
  };
};

export type { ChaosInvariantInput, ChaosInvariants };
export { checkChaosInvariants };
