import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MimeCompositionError } from './errors';
import { NOTICE_ID, type NoticeKind } from './notice';

/** A mailbox: a bare address or a display name with its address. */
type Mailbox = string | { name: string; address: string };

/** Everything one notice email is made of. */
interface RawEmailInput {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  text: string;
  /** Sent as `X-Rovn-Notice-Id`; also seeds the Message-ID. */
  noticeId: string;
  /** Sent as `X-Rovn-Notice-Kind`, so the outbox can sort what it reads. */
  kind: NoticeKind;
  /** The `Date` header; defaults to now. */
  date?: Date;
  /** Extra headers; the notice headers above take precedence. */
  headers?: Readonly<Record<string, string>>;
}

const domainOf = (mailbox: Mailbox): string => {
  const address = typeof mailbox === 'string' ? mailbox : mailbox.address;
  const at = address.lastIndexOf('@');

  return at === -1 ? 'localhost' : address.slice(at + 1).replace(/>$/, '');
};

// The boundary is a digest of the content: the same email always has the
// same bytes, and no name in the body can guess and contain its boundary
// (a boundary derived from the notice id alone would be predictable).
const boundaryFor = (input: RawEmailInput): string =>
  createHash('sha256')
    .update(
      JSON.stringify([input.noticeId, input.subject, input.html, input.text]),
    )
    .digest('hex')
    .slice(0, 32);

/**
 * Builds a multipart/alternative MIME message (text, then HTML) ready for
 * SES `SendRawEmail` or for saving as an `.eml` file.
 *
 * The layout is deterministic for a given input and date: the Message-ID
 * is derived from the notice id (so a resend of one notice keeps one id)
 * and the boundary from the content. SES may still set its own Message-ID
 * on the way out.
 *
 * @throws MimeCompositionError when nodemailer cannot build the message
 * @example
 * const raw = await composeRawEmail({ from, to, noticeId, kind, ...rendered });
 */
const composeRawEmail = async (input: RawEmailInput): Promise<Uint8Array> => {
  if (!NOTICE_ID.test(input.noticeId)) {
    throw new MimeCompositionError(
      'Refusing to build an email whose notice id is not a plain id (letters, digits, ".", "_", "-"); pass the id of a parsed notice',
    );
  }
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    text: input.text,
    html: input.html,
    date: input.date ?? new Date(),
    messageId: `<${input.noticeId}@${domainOf(input.from)}>`,
    baseBoundary: boundaryFor(input),
    headers: {
      ...input.headers,
      'X-Rovn-Notice-Id': input.noticeId,
      'X-Rovn-Notice-Kind': input.kind,
    },
  });

  try {
    const built = await composer.compile().build();

    return new Uint8Array(built.buffer, built.byteOffset, built.byteLength);
  } catch (error) {
    throw new MimeCompositionError(
      `Could not build the MIME message of notice ${input.noticeId}; check its addresses and headers`,
      { cause: error, context: { notice_id: input.noticeId } },
    );
  }
};

export type { Mailbox, RawEmailInput };
export { composeRawEmail };
