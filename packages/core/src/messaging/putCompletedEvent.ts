import {
  type EventBridgeClient,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { RovnError } from '../errors';
import type { VerificationCompleted } from '../events/contracts';
import { COMPLETED_DETAIL_TYPE, EVENT_SOURCE } from '../topology/resources';

/** The bus refused an event; the message is retried. */
class EventPublishError extends RovnError {
  override readonly name = 'EventPublishError';
}

/** Puts one `verification.completed` event on the Passport bus. */
const putCompletedEvent = async (
  eventBridge: EventBridgeClient,
  busName: string,
  event: VerificationCompleted,
): Promise<void> => {
  const answer = await eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: busName,
          Source: EVENT_SOURCE,
          DetailType: COMPLETED_DETAIL_TYPE,
          Detail: JSON.stringify(event),
        },
      ],
    }),
  );
  if ((answer.FailedEntryCount ?? 0) > 0) {
    throw new EventPublishError('The event bus refused a completed event', {
      context: {
        check_id: event.checkId,
        error_code: answer.Entries?.[0]?.ErrorCode ?? 'unknown',
      },
    });
  }
};

export { EventPublishError, putCompletedEvent };
