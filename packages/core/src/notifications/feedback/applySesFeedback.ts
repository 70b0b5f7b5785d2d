import type { Kysely } from 'kysely';
import type { Log } from '../../log/logger';
import type { Database } from '../../store/schema';
import {
  countEmailFeedback,
  lastSuppressionLift,
  recordEmailFeedback,
  suppressAddress,
} from '../../store/suppressions';
import { recipientHash } from '../recipientHash';
import type { SesFeedback } from './parseSesFeedback';

/** When transient bounces add up to a dead address. */
interface TransientBouncePolicy {
  count: number;
  withinMs: number;
}

/** What applying SES feedback talks to. */
interface FeedbackDeps {
  db: Kysely<Database>;
  clock: () => Date;
  log: Log;
  transientBounces?: TransientBouncePolicy;
}

/** What one feedback message changed. */
interface FeedbackReport {
  recorded: number;
  duplicates: number;
  suppressed: number;
}

/** Three soft bounces in thirty days: the mailbox is as good as gone. */
const DEFAULT_TRANSIENT_BOUNCES: TransientBouncePolicy = {
  count: 3,
  withinMs: 30 * 86_400_000,
};

/**
 * Applies one SES feedback to the suppression list: a permanent bounce or
 * a complaint suppresses the address at once; transient bounces are
 * counted and suppress it past the policy. Each (feedback, address) is
 * recorded once, so a redelivered message counts nothing twice. Log lines
 * carry a hash of the address, never the address.
 */
const applySesFeedback = async (
  deps: FeedbackDeps,
  feedback: SesFeedback,
): Promise<FeedbackReport> => {
  const report: FeedbackReport = { recorded: 0, duplicates: 0, suppressed: 0 };
  if (feedback.kind === 'other') {
    deps.log.debug('SES feedback needs no action', {
      event: 'ses_feedback_ignored',
      ses_event: feedback.event,
    });

    return report;
  }
  const policy = deps.transientBounces ?? DEFAULT_TRANSIENT_BOUNCES;
  const now = deps.clock();

  for (const email of feedback.recipients) {
    const fresh = await recordEmailFeedback(deps.db, {
      feedbackId: feedback.feedbackId,
      email,
      kind: feedback.kind,
      sesMessageId: feedback.sesMessageId,
      occurredAt: feedback.occurredAt,
    });
    if (!fresh) {
      report.duplicates += 1;
      continue;
    }
    report.recorded += 1;

    let reason: 'permanent_bounce' | 'complaint' | 'transient_bounces' | null =
      feedback.kind === 'transient_bounce' ? null : feedback.kind;
    if (reason === null) {
      // Bounces from before an operator lifted a suppression do not count
      // again: the address starts afresh.
      const windowStart = new Date(now.getTime() - policy.withinMs);
      const lifted = await lastSuppressionLift(deps.db, email);
      const bounces = await countEmailFeedback(deps.db, {
        email,
        kind: 'transient_bounce',
        since: lifted !== null && lifted > windowStart ? lifted : windowStart,
      });
      reason = bounces >= policy.count ? 'transient_bounces' : null;
    }
    const logKeys = {
      event: 'ses_feedback',
      feedback_kind: feedback.kind,
      recipient_hash: recipientHash(email),
      ses_message_id: feedback.sesMessageId,
    };
    if (
      reason !== null &&
      (await suppressAddress(deps.db, { email, reason, now }))
    ) {
      report.suppressed += 1;
      deps.log.warn('Address suppressed after SES feedback', {
        ...logKeys,
        reason,
      });
    } else {
      deps.log.info('SES feedback recorded', logKeys);
    }
  }

  return report;
};

export type { FeedbackDeps, FeedbackReport, TransientBouncePolicy };
export {
  applySesFeedback,
  DEFAULT_TRANSIENT_BOUNCES as DEFAULT_TRANSIENT_BOUNCE_POLICY,
};
