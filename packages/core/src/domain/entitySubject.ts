import * as z from 'zod';

/**
 * A business a check is about (a facility, a staffing agency), for
 * sources that list entities as well as people (the OIG LEIE). This is
 * also the shape of an entity `subject.json` for the replay command:
 * `{"subjectId", "entityName", "npi"?}`. Unknown keys are refused, so a
 * person's subject is never read as an entity by mistake.
 */
const entitySubjectSchema = z
  .object({
    subjectId: z.string().min(1),
    entityName: z.string().min(1),
    /** The organisation's NPI (type 2), if it has one. */
    npi: z.string().optional(),
  })
  .strict();

type EntitySubject = z.infer<typeof entitySubjectSchema>;

export type { EntitySubject };
export { entitySubjectSchema };
