import { simpleParser } from 'mailparser';

/** The parts of a MIME message the outbox and the tests look at. */
interface ParsedEmail {
  subject: string;
  html: string;
  text: string;
  /** The `Date` header, or undefined when it is missing or unreadable. */
  date: Date | undefined;
  /** `X-Rovn-Notice-Id`, when present. */
  noticeId: string | undefined;
  /** `X-Rovn-Notice-Kind`, when present. */
  kind: string | undefined;
}

const headerText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Parses a raw MIME message with mailparser, decoding transfer encodings
 * and encoded words.
 *
 * @example
 * const { subject, html } = await parseRawEmail(raw);
 */
const parseRawEmail = async (
  raw: Uint8Array | string,
): Promise<ParsedEmail> => {
  const parsed = await simpleParser(
    typeof raw === 'string' ? raw : Buffer.from(raw),
  );
  const date = parsed.date;

  return {
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    text: parsed.text ?? '',
    date:
      date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined,
    noticeId: headerText(parsed.headers.get('x-rovn-notice-id')),
    kind: headerText(parsed.headers.get('x-rovn-notice-kind')),
  };
};

export type { ParsedEmail };
export { parseRawEmail };
