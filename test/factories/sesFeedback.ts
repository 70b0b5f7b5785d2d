/** A made-up SES bounce in the identity-notification shape. */
const aBounce = (
  emails: string[],
  options: {
    bounceType?: 'Permanent' | 'Transient' | 'Undetermined';
    feedbackId?: string;
    timestamp?: string;
    shape?: 'notificationType' | 'eventType';
  } = {},
) => ({
  [options.shape ?? 'notificationType']: 'Bounce',
  mail: { messageId: 'ses-msg-1', destination: emails },
  bounce: {
    bounceType: options.bounceType ?? 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: emails.map((emailAddress) => ({
      emailAddress,
      action: 'failed',
      status: '5.1.1',
    })),
    timestamp: options.timestamp ?? '2026-06-01T11:00:00.000Z',
    feedbackId: options.feedbackId ?? 'fb-1',
  },
});

/** A made-up SES complaint. */
const aComplaint = (
  emails: string[],
  options: {
    feedbackId?: string;
    shape?: 'notificationType' | 'eventType';
  } = {},
) => ({
  [options.shape ?? 'eventType']: 'Complaint',
  mail: { messageId: 'ses-msg-2', destination: emails },
  complaint: {
    complainedRecipients: emails.map((emailAddress) => ({ emailAddress })),
    complaintFeedbackType: 'abuse',
    timestamp: '2026-06-01T11:05:00.000Z',
    feedbackId: options.feedbackId ?? 'fc-1',
  },
});

export { aBounce, aComplaint };
