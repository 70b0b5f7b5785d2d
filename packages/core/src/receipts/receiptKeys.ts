import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, as lower-case hex and as base64 (S3's form). */
const sha256Of = (body: Uint8Array): { hex: string; base64: string } => {
  const digest = createHash('sha256').update(body).digest();

  return { hex: digest.toString('hex'), base64: digest.toString('base64') };
};

/**
 * Content address of a receipt body. The same bytes always get the same
 * key, so a redelivered fetch cannot create a second receipt.
 */
const receiptKeyFor = (source: string, sha256Hex: string): string =>
  `receipts/${source}/${sha256Hex}`;

/** Where the manifest of a receipt body lives. */
const manifestKeyFor = (source: string, sha256Hex: string): string =>
  `manifests/${source}/${sha256Hex}.json`;

/**
 * The key prefixes one source's receipts and manifests live under; the
 * stacks let a source's writer put objects under these and nowhere else.
 */
const receiptPrefixesFor = (source: string): string[] => [
  `receipts/${source}/`,
  `manifests/${source}/`,
];

export { manifestKeyFor, receiptKeyFor, receiptPrefixesFor, sha256Of };
