import * as z from 'zod';
import { SesFeedbackError } from '../errors';

/** A bounce, a complaint, or anything else SES reports (ignored). */
type SesFeedbackKind =
  | 'permanent_bounce'
  | 'transient_bounce'
  | 'complaint'
  | 'other';

/** One SES feedback message, reduced to what the suppression list needs. */
interface SesFeedback {
  kind: SesFeedbackKind;
  /** The SES event name as received (`Bounce`, `Delivery`, ...). */
  event: string;
  /** SES's id of this feedback; with an address, the dedupe key. */
  feedbackId: string;
  recipients: string[];
  occurredAt: Date;
  /** SES's message id of the email the feedback is about. */
  sesMessageId: string | null;
}

const recipient = z.object({ emailAddress: z.string().min(3) });

const bounce = z.object({
  bounceType: z.string(),
  bouncedRecipients: z.array(recipient),
  timestamp: z.string(),
  feedbackId: z.string().min(1),
});

const complaint = z.object({
  complainedRecipients: z.array(recipient),
  timestamp: z.string(),
  feedbackId: z.string().min(1),
});

// Identity notifications say `notificationType`; configuration-set event
// publishing says `eventType`. The rest of the two shapes is the same for
// bounces and complaints.
const feedbackSchema = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    mail: z.object({ messageId: z.string().optional() }).optional(),
    bounce: bounce.optional(),
    complaint: complaint.optional(),
  })
  .refine(
    (body) =>
      body.notificationType !== undefined || body.eventType !== undefined,
    'needs notificationType or eventType',
  );

// SNS delivers an envelope unless the subscription uses raw delivery. The
// Message is a JSON string on AWS; moto's SES puts the object itself.
const snsEnvelope = z.object({
  Type: z.literal('Notification'),
  Message: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

const parseDate = (value: string, fallback: Date): Date => {
  const parsed = new Date(value);

  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
};

const unwrap = (body: unknown): unknown => {
  const envelope = snsEnvelope.safeParse(body);
  if (!envelope.success) return body;
  if (typeof envelope.data.Message !== 'string') return envelope.data.Message;
  try {
    return JSON.parse(envelope.data.Message) as unknown;
  } catch (error) {
    throw new SesFeedbackError(
      'An SNS envelope on the SES feedback queue holds a Message that is not JSON; check what publishes to the feedback topic',
      { cause: error },
    );
  }
};

/**
 * Reads one SES feedback message in either shape, raw or inside an SNS
 * envelope. Undetermined bounces count as transient: they may be a full
 * mailbox, and three of them in a row suppress the address anyway.
 *
 * @param body - the parsed JSON of the queue message
 * @param now - stands in for a timestamp SES left unreadable
 * @throws SesFeedbackError when the body matches neither shape; the
 *   message names the fields at fault, never their values
 */
const parseSesFeedback = (body: unknown, now: Date): SesFeedback => {
  const parsed = feedbackSchema.safeParse(unwrap(body));
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
      .join('; ');
    throw new SesFeedbackError(
      `SES feedback has neither known shape (${fields}); it stays in the DLQ for a person to read`,
      { context: { issues: fields } },
    );
  }
  const feedback = parsed.data;
  const event = feedback.notificationType ?? feedback.eventType ?? '';
  const sesMessageId = feedback.mail?.messageId ?? null;

  // The details object decides: AWS names the event too, but moto's canned
  // feedback says "Bounce, Complaint, or Delivery." whatever it holds.
  if (feedback.bounce !== undefined) {
    return {
      kind:
        feedback.bounce.bounceType === 'Permanent'
          ? 'permanent_bounce'
          : 'transient_bounce',
      event,
      feedbackId: feedback.bounce.feedbackId,
      recipients: feedback.bounce.bouncedRecipients.map((r) => r.emailAddress),
      occurredAt: parseDate(feedback.bounce.timestamp, now),
      sesMessageId,
    };
  }
  if (feedback.complaint !== undefined) {
    return {
      kind: 'complaint',
      event,
      feedbackId: feedback.complaint.feedbackId,
      recipients: feedback.complaint.complainedRecipients.map(
        (r) => r.emailAddress,
      ),
      occurredAt: parseDate(feedback.complaint.timestamp, now),
      sesMessageId,
    };
  }

  if (event === 'Bounce' || event === 'Complaint') {
    throw new SesFeedbackError(
      `SES ${event} feedback carries no ${event.toLowerCase()} details; it stays in the DLQ for a person to read`,
      { context: { event } },
    );
  }

  return {
    kind: 'other',
    event,
    feedbackId: sesMessageId ?? 'unknown',
    recipients: [],
    occurredAt: now,
    sesMessageId,
  };
};

export type { SesFeedback, SesFeedbackKind };
export { parseSesFeedback };
