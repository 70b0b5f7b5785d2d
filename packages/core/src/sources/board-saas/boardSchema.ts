import * as z from 'zod';
import { isAbsentNamePart } from '../../matching/normalizeNamePart';
import { parseBoardDate } from './parseBoardDate';
import type { BoardRecord } from './types';

/**
 * A name part: the key must be there (a renamed field is a body we do not
 * understand), the value may be null, empty or a placeholder (absent).
 */
const namePart = z
  .string()
  .nullable()
  .transform((value) =>
    value === null || isAbsentNamePart(value) ? null : value.trim(),
  );

/** Text the record cannot do without: a string with something in it. */
const requiredText = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1));

/** A date field; an unreadable date fails the schema (code `custom`). */
const dateField = z.unknown().superRefine((value, context) => {
  if (parseBoardDate(value).kind === 'invalid') {
    context.addIssue({ code: 'custom', message: 'unreadable date' });
  }
});

const dayOf = (value: unknown): string | null => {
  const date = parseBoardDate(value);

  return date.kind === 'day' ? date.day : null;
};

/**
 * One element of `result`, as the SaaS is assumed to send it (the field
 * names are not confirmed against the live service; see
 * `boardBodyFactory`). Liberal in presence: extra fields are ignored,
 * `middleName` and `issueDate` may be missing, names, `expirationDate` and
 * `hasPublicAction` may be null. Strict in meaning: the keys the decision
 * rests on must be present with their JSON types (a number where text is
 * expected, a string `"false"` where a boolean is, is not understood).
 */
const boardRecordSchema = z
  .looseObject({
    firstName: namePart,
    middleName: namePart.optional(),
    lastName: namePart,
    licenseNumber: requiredText,
    licenseType: requiredText,
    licenseStatus: requiredText,
    issueDate: dateField.optional(),
    expirationDate: dateField.refine((value) => value !== undefined, {
      message: 'expirationDate missing',
    }),
    hasPublicAction: z.boolean().nullable(),
  })
  // A record naming no one cannot be matched to anyone.
  .superRefine((raw, context) => {
    if (raw.firstName === null && raw.lastName === null) {
      context.addIssue({
        code: 'custom',
        path: ['lastName'],
        message: 'no name',
      });
    }
  })
  .transform(
    (raw): BoardRecord => ({
      firstName: raw.firstName,
      middleName: raw.middleName ?? null,
      lastName: raw.lastName,
      licenseNumber: raw.licenseNumber,
      licenseType: raw.licenseType,
      licenseStatus: raw.licenseStatus,
      issueDate: dayOf(raw.issueDate),
      expirationDate: dayOf(raw.expirationDate),
      hasPublicAction: raw.hasPublicAction,
    }),
  );

/**
 * A success body after `errorCode` was found to be `"0"`: `resultCount`
 * a JSON integer (a numeric string is drift, not accepted), `result` an
 * array of records.
 */
const boardBodySchema = z.looseObject({
  resultCount: z.number().int().nonnegative(),
  result: z.array(boardRecordSchema),
});

export { boardBodySchema, boardRecordSchema };
