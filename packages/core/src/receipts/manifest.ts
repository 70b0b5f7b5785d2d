import * as z from 'zod';

/**
 * What was asked, when, and by which adapter version. The request URL is
 * stored without its query string, which may hold identifiers or keys.
 */
const receiptManifestSchema = z.object({
  version: z.literal(1),
  key: z.string(),
  source: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().nonnegative(),
  contentType: z.string(),
  status: z.number().int(),
  request: z.object({ method: z.string(), url: z.string() }),
  fetchedAt: z.iso.datetime(),
  adapterVersion: z.string(),
});

type ReceiptManifest = z.infer<typeof receiptManifestSchema>;

export type { ReceiptManifest };
export { receiptManifestSchema };
