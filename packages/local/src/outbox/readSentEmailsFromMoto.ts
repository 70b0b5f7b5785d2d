import * as z from 'zod';
import { MotoMailReadError } from './errors';
import { parseRawEmail } from './parseRawEmail';
import type { SentEmail } from './sentEmail';

// The part of moto's state dump (moto 5.2) that holds SES raw sends. The
// dump has no send time, so the time comes from the message's Date header.
// Other keys are ignored; `ses` is absent until SES was used at all.
const motoDumpSchema = z.object({
  ses: z
    .object({
      RawMessage: z
        .array(
          z.object({
            id: z.string(),
            raw_data: z.string(),
            destinations: z.array(z.string()),
          }),
        )
        .default([]),
    })
    .optional(),
});

/** What `readSentEmailsFromMoto` needs from outside; defaults are real. */
interface MotoMailOptions {
  fetch?: typeof globalThis.fetch;
  /** Stands in for a message without a readable Date header. */
  now?: () => Date;
}

const fetchDump = async (
  url: string,
  fetchImpl: typeof globalThis.fetch,
): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new MotoMailReadError(
      `Could not reach moto at ${url}; is moto_server running?`,
      { cause: error, context: { url } },
    );
  }
  if (!response.ok) {
    throw new MotoMailReadError(
      `moto answered HTTP ${response.status} for ${url}; expected its state dump`,
      { context: { url, status: response.status } },
    );
  }

  return response.json();
};

/**
 * Reads every raw email moto's SES has accepted (`SendRawEmail`) and turns
 * each into a `SentEmail` by parsing its MIME.
 *
 * Note: mail sent with the non-raw `SendEmail` is stored by moto in another
 * shape and is not read here; the notifier only sends raw mail.
 *
 * @param endpoint - moto's base URL, e.g. `http://127.0.0.1:5000`
 * @throws MotoMailReadError when moto cannot be read or its dump changed
 * @example
 * await writeOutbox(folder, await readSentEmailsFromMoto(endpoint));
 */
const readSentEmailsFromMoto = async (
  endpoint: string,
  options: MotoMailOptions = {},
): Promise<SentEmail[]> => {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const url = `${endpoint.replace(/\/+$/, '')}/moto-api/data.json`;

  const dump = motoDumpSchema.safeParse(await fetchDump(url, fetchImpl));
  if (!dump.success) {
    throw new MotoMailReadError(
      `moto's state dump at ${url} no longer has the expected ses.RawMessage shape; update motoDumpSchema for this moto version`,
      { context: { url } },
    );
  }

  const messages = dump.data.ses?.RawMessage ?? [];
  const emails: SentEmail[] = [];
  for (const message of messages) {
    const parsed = await parseRawEmail(message.raw_data);
    emails.push({
      noticeId: parsed.noticeId ?? message.id,
      kind: parsed.kind ?? 'unknown',
      to: message.destinations.join(', '),
      subject: parsed.subject,
      raw: new TextEncoder().encode(message.raw_data),
      html: parsed.html,
      sentAt: (parsed.date ?? now()).toISOString(),
    });
  }

  return emails;
};

export type { MotoMailOptions };
export { readSentEmailsFromMoto };
