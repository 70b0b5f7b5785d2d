import * as z from 'zod';

/** True when `YYYY-MM-DD` names a real calendar day (no 02-30, no 13th month). */
const isCalendarDay = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);

  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
};

/**
 * A calendar date as `YYYY-MM-DD`. An impossible date is refused: a
 * mistyped date of birth must not quietly fail to match a listed person.
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDay, 'not a real calendar date');

/**
 * The person a check is about, as the adapters see it. This is also the
 * shape of the `subject.json` the replay command reads.
 *
 * `formerFamilyNames` are family names the person was known by before
 * (a maiden name, a name before a divorce): exclusion lists may still hold
 * them under that name, so sources that match on names also screen each
 * of these. Optional, and an empty list is the same as none.
 *
 * `dateOfBirth` is PHI: it is used for matching and never logged.
 *
 * Unknown keys are refused (here and in `license`): a mistyped
 * `dateOfBrith` must not quietly become a subject without a date of
 * birth. Nothing else parses stored rows with this schema: the store
 * builds subjects field by field (`loadCheckSubject`).
 */
const subjectSchema = z
  .object({
    subjectId: z.string().min(1),
    givenName: z.string().min(1),
    familyName: z.string().min(1),
    middleName: z.string().optional(),
    formerFamilyNames: z.array(z.string().min(1)).optional(),
    dateOfBirth: isoDate.optional(),
    npi: z.string().optional(),
    license: z
      .object({
        jurisdiction: z.string().min(2),
        number: z.string().min(1),
        type: z.string().min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

type Subject = z.infer<typeof subjectSchema>;

export type { Subject };
export { isoDate, subjectSchema };
