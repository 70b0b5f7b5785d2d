import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Kysely } from 'kysely';
import type { Classification } from '../domain/classification';
import type {
  VerificationCompleted,
  VerificationRequested,
} from '../events/contracts';
import type { Log } from '../log/logger';
import { putCompletedEvent } from '../messaging/putCompletedEvent';
import { type RecordedResult, recordResult } from '../store/recordResult';
import type { Database } from '../store/schema';

interface CompleteDeps {
  db: Kysely<Database>;
  eventBridge: EventBridgeClient;
  busName: string;
  clock: () => Date;
  log: Log;
}

/**
 * Stores a classification as the request's result and announces it on the
 * bus. A redelivered request re-announces the stored result instead of
 * storing a second one: the event may have been lost after the write, and
 * the notifier's log makes a repeated event harmless.
 */
const completeCheck = async (
  deps: CompleteDeps,
  request: VerificationRequested,
  classification: Classification,
  {
    receiptKey,
    adapterVersion,
  }: { receiptKey: string | null; adapterVersion: string },
): Promise<RecordedResult> => {
  const recorded = await recordResult(deps.db, {
    requestId: request.requestId,
    source: request.source,
    classification,
    receiptKey,
    adapterVersion,
    checkedAt: deps.clock(),
  });

  const event: VerificationCompleted = {
    type: 'verification.completed',
    requestId: request.requestId,
    resultId: recorded.resultId,
    checkId: recorded.checkId,
    source: request.source,
    workerId: request.workerId,
    credentialId: request.credentialId,
    outcome: recorded.outcome,
    previousOutcome: recorded.previousOutcome,
    changed: recorded.changed,
    findingCodes: recorded.findings.map((f) => f.code),
    receiptKey: recorded.receiptKey,
    adapterVersion,
    checkedAt: recorded.checkedAt.toISOString(),
  };
  await putCompletedEvent(deps.eventBridge, deps.busName, event);
  deps.log.info('Check completed', {
    check_id: recorded.checkId,
    source: request.source,
    outcome: recorded.outcome,
    changed: recorded.changed,
    duplicate: recorded.duplicate,
    receipt_key: recorded.receiptKey,
  });

  return recorded;
};

export type { CompleteDeps };
export { completeCheck };
