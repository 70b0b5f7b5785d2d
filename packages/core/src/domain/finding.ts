import * as z from 'zod';

/**
 * A finding explains an outcome. `code` is stable and machine-readable
 * (`exclusion`, `name_mismatch`, `source_error`, `egress_refused`, ...);
 * `detail` is a short human sentence that must never contain PHI (no date
 * of birth, no full name next to a license number).
 */
const findingSchema = z.object({
  code: z.string().min(1),
  detail: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

type Finding = z.infer<typeof findingSchema>;

/** Builds a finding, leaving out absent optional parts. */
const finding = (
  code: string,
  detail?: string,
  data?: Record<string, unknown>,
): Finding => ({
  code,
  ...(detail === undefined ? {} : { detail }),
  ...(data === undefined ? {} : { data }),
});

export type { Finding };
export { finding, findingSchema };
