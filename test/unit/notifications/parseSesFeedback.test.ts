import { describe, expect, it } from 'vitest';
import { SesFeedbackError } from '../../../packages/core/src/notifications/errors';
import { parseSesFeedback } from '../../../packages/core/src/notifications/feedback/parseSesFeedback';
import { aBounce, aComplaint } from '../../factories/sesFeedback';

const NOW = new Date('2026-06-02T00:00:00Z');

describe('parseSesFeedback', () => {
  it.each(['notificationType', 'eventType'] as const)(
    'reads a permanent bounce in the %s shape',
    (shape) => {
      const body = aBounce(['ada@mail.example'], { shape });

      const feedback = parseSesFeedback(body, NOW);

      expect(feedback).toMatchObject({
        kind: 'permanent_bounce',
        event: 'Bounce',
        feedbackId: 'fb-1',
        recipients: ['ada@mail.example'],
        sesMessageId: 'ses-msg-1',
      });
      expect(feedback.occurredAt.toISOString()).toBe(
        '2026-06-01T11:00:00.000Z',
      );
    },
  );

  it.each(['notificationType', 'eventType'] as const)(
    'reads a complaint in the %s shape',
    (shape) => {
      const body = aComplaint(['bo@mail.example'], { shape });

      const feedback = parseSesFeedback(body, NOW);

      expect(feedback).toMatchObject({
        kind: 'complaint',
        recipients: ['bo@mail.example'],
        feedbackId: 'fc-1',
      });
    },
  );

  it('counts transient and undetermined bounces as transient', () => {
    const kinds = (['Transient', 'Undetermined'] as const).map(
      (bounceType) =>
        parseSesFeedback(aBounce(['x@mail.example'], { bounceType }), NOW).kind,
    );

    expect(kinds).toEqual(['transient_bounce', 'transient_bounce']);
  });

  it('unwraps an SNS envelope', () => {
    const envelope = {
      Type: 'Notification',
      MessageId: 'sns-1',
      Message: JSON.stringify(aBounce(['ada@mail.example'])),
    };

    const feedback = parseSesFeedback(envelope, NOW);

    expect(feedback.kind).toBe('permanent_bounce');
  });

  it('ignores deliveries and other events', () => {
    const body = { eventType: 'Delivery', mail: { messageId: 'm' } };

    const feedback = parseSesFeedback(body, NOW);

    expect(feedback).toMatchObject({ kind: 'other', recipients: [] });
  });

  it('refuses a body of neither shape without quoting it', () => {
    const body = { bounce: { bouncedRecipients: 'secret@mail.example' } };

    const parse = () => parseSesFeedback(body, NOW);

    expect(parse).toThrow(SesFeedbackError);
    expect(parse).not.toThrow(/secret/);
  });

  it('uses the time of receipt for an unreadable timestamp', () => {
    const body = aBounce(['x@mail.example'], { timestamp: 'yesterday-ish' });

    const feedback = parseSesFeedback(body, NOW);

    expect(feedback.occurredAt).toEqual(NOW);
  });
});
