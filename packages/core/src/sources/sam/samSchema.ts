import * as z from 'zod';
import { isAbsentNamePart } from '../../matching/normalizeNamePart';
import { parseSamDate } from './parseSamDate';
import type { SamAction, SamExclusion } from './types';

/** Free text that may be missing, null, empty or a `--` placeholder. */
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => {
    const text = value === null || value === undefined ? '' : String(value);
    const trimmed = text.trim();

    return trimmed === '' || /^-+$/.test(trimmed) ? null : trimmed;
  });

const namePart = optionalText.transform((value) =>
  isAbsentNamePart(value) ? null : value,
);

/**
 * An NPI as SAM.gov lists it. Only ten digits can be joined on; anything
 * else (empty, a number that lost leading digits, junk) is no NPI, so a
 * malformed value can never match a worker by NPI.
 */
const samNpi = optionalText.transform((value) =>
  value !== null && /^[0-9]{10}$/.test(value) ? value : null,
);

/** A date field; an unreadable one fails the schema (code `custom`). */
const dateField = z.unknown().superRefine((value, context) => {
  if (parseSamDate(value).kind === 'invalid') {
    context.addIssue({ code: 'custom', message: 'unreadable date' });
  }
});

const dayOf = (value: unknown): string | null => {
  const date = parseSamDate(value);

  return date.kind === 'day' ? date.day : null;
};

const actionSchema = z
  .looseObject({
    activateDate: dateField,
    terminationDate: dateField,
    terminationType: optionalText,
    recordStatus: optionalText,
  })
  .transform(
    (raw): SamAction => ({
      activateDate: dayOf(raw.activateDate),
      terminationDate: dayOf(raw.terminationDate),
      indefinite:
        parseSamDate(raw.terminationDate).kind === 'indefinite' ||
        /^indefinite$/i.test(raw.terminationType ?? ''),
      recordStatus: raw.recordStatus,
    }),
  );

/** One element of `excludedEntity`, normalised into a `SamExclusion`. */
const samExclusionSchema = z
  .looseObject({
    exclusionDetails: z.looseObject({
      classificationType: optionalText,
      exclusionType: optionalText,
      exclusionProgram: optionalText,
      excludingAgencyCode: optionalText,
    }),
    exclusionIdentification: z.looseObject({
      firstName: namePart,
      middleName: namePart,
      lastName: namePart,
      suffix: namePart,
      entityName: optionalText,
      npi: samNpi,
      ueiSAM: optionalText,
    }),
    exclusionActions: z.looseObject({
      listOfActions: z.array(actionSchema),
    }),
  })
  // A record naming no one cannot be matched to anyone; accepting it would
  // let a renamed identification block pass as "nothing found".
  .superRefine((raw, context) => {
    const id = raw.exclusionIdentification;
    if (id.lastName === null && id.entityName === null) {
      context.addIssue({
        code: 'custom',
        path: ['exclusionIdentification'],
        message: 'no name',
      });
    }
  })
  .transform(
    (raw): SamExclusion => ({
      classificationType: raw.exclusionDetails.classificationType,
      exclusionType: raw.exclusionDetails.exclusionType,
      exclusionProgram: raw.exclusionDetails.exclusionProgram,
      excludingAgencyCode: raw.exclusionDetails.excludingAgencyCode,
      firstName: raw.exclusionIdentification.firstName,
      middleName: raw.exclusionIdentification.middleName,
      lastName: raw.exclusionIdentification.lastName,
      suffix: raw.exclusionIdentification.suffix,
      entityName: raw.exclusionIdentification.entityName,
      npi: raw.exclusionIdentification.npi,
      ueiSam: raw.exclusionIdentification.ueiSAM,
      actions: raw.exclusionActions.listOfActions,
    }),
  );

/**
 * The success body. `totalRecords` may come as a number or a numeric
 * string; `excludedEntity` may be absent or null only when nothing was
 * found (checked by the parser, which knows the count).
 */
const samBodySchema = z.looseObject({
  totalRecords: z.union([
    z.number().int().nonnegative(),
    z
      .string()
      .regex(/^[0-9]{1,9}$/)
      .transform(Number),
  ]),
  excludedEntity: z.array(samExclusionSchema).nullish(),
});

export { samBodySchema, samExclusionSchema };
