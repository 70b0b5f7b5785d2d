import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutboxWriteError } from './errors';
import { type OutboxIndexRow, renderOutboxIndex } from './renderOutboxIndex';
import type { SentEmail } from './sentEmail';

/** Where one email of the outbox was written. */
interface OutboxEntry {
  noticeId: string;
  emlPath: string;
  htmlPath: string;
}

/** What `writeOutbox` wrote. */
interface OutboxWritten {
  indexPath: string;
  entries: OutboxEntry[];
}

const NO_HTML_PAGE =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
  '<title>No HTML part</title></head>' +
  '<body><p>This email has no HTML part; open the .eml file.</p></body></html>\n';

// Ids come from mail headers, so they are reduced to a safe file stem: no
// path separators, no leading dot, bounded length.
const stemOf = (noticeId: string): string => {
  const safe = noticeId
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);

  return safe === '' ? 'email' : safe;
};

/**
 * Gives each email its own stem. The same notice sent twice keeps both
 * copies (`id`, `id-2`): a duplicate in the outbox is exactly what a
 * developer needs to see when checking that one notice yields one email.
 * `index` is reserved, and stems are compared without case because some
 * file systems ignore it.
 */
const assignStems = (emails: readonly SentEmail[]): string[] => {
  const taken = new Set<string>(['index']);

  return emails.map((email) => {
    const stem = stemOf(email.noticeId);
    let candidate = stem;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) {
      candidate = `${stem}-${copy}`;
    }
    taken.add(candidate.toLowerCase());

    return candidate;
  });
};

/**
 * Writes every email of a run into `folder`: `<id>.eml` (the MIME as
 * sent), `<id>.html` (its HTML part) and an `index.html` listing them all
 * by time. Files already in the folder are left alone; use a fresh folder
 * per run for an index that matches the folder.
 *
 * @param folder - created when missing
 * @param emails - in any order; the index sorts them by `sentAt`
 * @throws OutboxWriteError when a file cannot be written
 * @example
 * await writeOutbox('.rovn/outbox/run-1', await readSentEmailsFromMoto(url));
 */
const writeOutbox = async (
  folder: string,
  emails: readonly SentEmail[],
): Promise<OutboxWritten> => {
  const ordered = [...emails].sort(
    (a, b) =>
      a.sentAt.localeCompare(b.sentAt) || a.noticeId.localeCompare(b.noticeId),
  );
  const stems = assignStems(ordered);
  const rows: OutboxIndexRow[] = [];
  const entries: OutboxEntry[] = [];

  try {
    await mkdir(folder, { recursive: true });
    for (const [position, email] of ordered.entries()) {
      const stem = stems[position] ?? stemOf(email.noticeId);
      const emlPath = join(folder, `${stem}.eml`);
      const htmlPath = join(folder, `${stem}.html`);
      await writeFile(emlPath, email.raw);
      await writeFile(htmlPath, email.html === '' ? NO_HTML_PAGE : email.html);
      rows.push({
        sentAt: email.sentAt,
        kind: email.kind,
        to: email.to,
        subject: email.subject,
        htmlFile: `${encodeURIComponent(stem)}.html`,
        emlFile: `${encodeURIComponent(stem)}.eml`,
      });
      entries.push({ noticeId: email.noticeId, emlPath, htmlPath });
    }
    const indexPath = join(folder, 'index.html');
    await writeFile(indexPath, renderOutboxIndex(rows));

    return { indexPath, entries };
  } catch (error) {
    throw new OutboxWriteError(
      `Could not write the outbox of ${emails.length} email(s) to ${folder}; check that the folder is writable`,
      { cause: error, context: { folder, emails: emails.length } },
    );
  }
};

export type { OutboxEntry, OutboxWritten };
export { writeOutbox };
