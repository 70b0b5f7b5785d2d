/** One email as it left the notifier, in the shape the outbox writes. */
interface SentEmail {
  /** The `X-Rovn-Notice-Id`, or the emulator's message id without one. */
  noticeId: string;
  /** The notice kind (`flagged`, ...) or `unknown` for foreign mail. */
  kind: string;
  /** The recipients, comma-separated. */
  to: string;
  subject: string;
  /** The complete MIME message, as sent. */
  raw: Uint8Array;
  /** The HTML part, or '' when the message has none. */
  html: string;
  /** When it was sent, ISO 8601. */
  sentAt: string;
}

export type { SentEmail };
