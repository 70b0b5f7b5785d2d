import { createHash } from 'node:crypto';
import { normaliseEmail } from '../store/suppressions';

/**
 * A short, stable stand-in for an address in log lines: operators can
 * match two lines about one address without the address being written.
 */
const recipientHash = (email: string): string =>
  createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 16);

/** A header-safe notice id derived from the notice's dedupe key. */
const noticeIdFor = (role: string, dedupeKey: string): string =>
  `${role}.${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}`;

export { noticeIdFor, recipientHash };
