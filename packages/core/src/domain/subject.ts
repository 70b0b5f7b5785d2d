import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * The person a check is about, as the adapters see it. This is also the
 * shape of the `subject.json` the replay command reads.
 *
 * `dateOfBirth` is PHI: it is used for matching and never logged.
 */
const subjectSchema = z.object({
  subjectId: z.string().min(1),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  middleName: z.string().optional(),
  dateOfBirth: isoDate.optional(),
  npi: z.string().optional(),
  license: z
    .object({
      jurisdiction: z.string().min(2),
      number: z.string().min(1),
      type: z.string().min(1),
    })
    .optional(),
});

type Subject = z.infer<typeof subjectSchema>;

export type { Subject };
export { isoDate, subjectSchema };
