import * as z from 'zod';
import { isAbsentNamePart } from '../../matching/normalizeNamePart';
import { parseNursysDate } from './parseNursysDate';
import type {
  NursysDiscipline,
  NursysError,
  NursysLicense,
  NursysNotification,
  NursysNurseRecord,
} from './types';

/** Free text that may be missing, null, empty or a `--` placeholder. */
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => {
    const text = value === null || value === undefined ? '' : String(value);
    const trimmed = text.trim();

    return trimmed === '' || /^-+$/.test(trimmed) ? null : trimmed;
  });

/** Text that must be there: a license's jurisdiction, number, type. */
const requiredText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1));

const namePart = optionalText.transform((value) =>
  isAbsentNamePart(value) ? null : value,
);

/**
 * A yes/no flag: JSON booleans, or the words Nursys-style APIs also use
 * (`Y`/`N`, `Yes`/`No`, `true`/`false`, any case). Anything else fails,
 * so a flag whose meaning moved is never read as "no".
 */
const flag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['y', 'n', 'yes', 'no', 'true', 'false']))
    .transform((word) => word === 'y' || word === 'yes' || word === 'true'),
]);

/** A code list: strings or numbers; null or absent is an empty list. */
const codeList = z
  .array(z.union([z.string(), z.number()]))
  .nullish()
  .transform((codes) =>
    (codes ?? []).map((code) => String(code).trim()).filter((c) => c !== ''),
  );

/** A date or timestamp field; an unreadable one fails (code `custom`). */
const dateField = z
  .unknown()
  .superRefine((value, context) => {
    if (parseNursysDate(value).kind === 'invalid') {
      context.addIssue({ code: 'custom', message: 'unreadable date' });
    }
  })
  .transform((value): string | null => {
    const date = parseNursysDate(value);

    return date.kind === 'day' ? date.day : null;
  });

const errorSchema = z
  .looseObject({ ErrorCode: optionalText })
  .transform((raw): NursysError => ({ code: raw.ErrorCode }));

/** `TransactionErrors` / `Errors`: null or absent is none. */
const errorList = z
  .array(errorSchema)
  .nullish()
  .transform((errors) => errors ?? []);

/** The `Transaction` block every Nursys answer carries. */
const transactionSchema = z.looseObject({
  TransactionId: requiredText,
  TransactionSuccessFlag: flag,
  TransactionErrors: errorList,
});

const disciplineSchema = z
  .looseObject({
    DateOfAction: dateField,
    AgainstPrivilegeToPractice: flag.nullish(),
    NpdbBasisCodes: codeList,
    NpdbActionCodes: codeList,
    DocumentIds: codeList,
  })
  .transform(
    (raw): NursysDiscipline => ({
      dateOfAction: raw.DateOfAction,
      againstPrivilegeToPractice: raw.AgainstPrivilegeToPractice ?? null,
      npdbBasisCodes: raw.NpdbBasisCodes,
      npdbActionCodes: raw.NpdbActionCodes,
      documentIds: raw.DocumentIds,
    }),
  );

/**
 * One license. `Active` is required: a license whose activity cannot be
 * read must not be taken as active. `Disciplines` is required too, as an
 * array (empty when there is none): a renamed or missing list must not
 * read as "no discipline".
 */
const licenseSchema = z
  .looseObject({
    JurisdictionAbbreviation: requiredText,
    LicenseNumber: requiredText,
    LicenseType: requiredText,
    Active: flag,
    LicenseStatus: optionalText,
    LicenseOriginalDate: dateField,
    LicenseExpirationDate: dateField,
    CompactStatus: optionalText,
    Disciplines: z.array(disciplineSchema),
  })
  .transform(
    (raw): NursysLicense => ({
      jurisdiction: raw.JurisdictionAbbreviation,
      licenseNumber: raw.LicenseNumber,
      licenseType: raw.LicenseType,
      active: raw.Active,
      licenseStatus: raw.LicenseStatus,
      originalDate: raw.LicenseOriginalDate,
      expirationDate: raw.LicenseExpirationDate,
      compactStatus: raw.CompactStatus,
      disciplines: raw.Disciplines,
    }),
  );

const nurseSchema = z.looseObject({
  FirstName: namePart,
  MiddleName: namePart,
  LastName: namePart,
  Licenses: z.array(licenseSchema),
});

/** The answer for one submitted record. */
const nurseRecordSchema = z
  .looseObject({
    RecordId: optionalText,
    SuccessFlag: flag,
    Errors: errorList,
    NurseLookup: nurseSchema.nullish(),
  })
  .transform(
    (raw): NursysNurseRecord => ({
      recordId: raw.RecordId,
      successFlag: raw.SuccessFlag,
      errors: raw.Errors,
      givenName: raw.NurseLookup?.FirstName ?? null,
      middleName: raw.NurseLookup?.MiddleName ?? null,
      familyName: raw.NurseLookup?.LastName ?? null,
      licenses: raw.NurseLookup?.Licenses ?? [],
    }),
  );

/** The body of a submit (POST) answer. */
const submitBodySchema = z.looseObject({ Transaction: transactionSchema });

/**
 * The body of a nurse lookup result (GET). `NurseLookupResponses` is
 * checked by the parser, which knows whether processing is complete.
 */
const nurseLookupResultSchema = z.looseObject({
  Transaction: transactionSchema,
  ProcessingCompleteFlag: flag,
  NurseLookupResponses: z.array(nurseRecordSchema).nullish(),
});

const notificationSchema = z
  .looseObject({
    JurisdictionAbbreviation: requiredText,
    LicenseNumber: requiredText,
    LicenseType: requiredText,
    NotificationType: optionalText,
    NotificationDate: dateField,
  })
  .transform(
    (raw): NursysNotification => ({
      jurisdiction: raw.JurisdictionAbbreviation,
      licenseNumber: raw.LicenseNumber,
      licenseType: raw.LicenseType,
      notificationType: raw.NotificationType,
      notificationDate: raw.NotificationDate,
    }),
  );

/** The body of a notification lookup result (GET). */
const notificationLookupResultSchema = z.looseObject({
  Transaction: transactionSchema,
  ProcessingCompleteFlag: flag,
  NotificationLookupResponses: z.array(notificationSchema).nullish(),
});

export {
  notificationLookupResultSchema,
  nurseLookupResultSchema,
  submitBodySchema,
};
