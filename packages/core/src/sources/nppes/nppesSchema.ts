import * as z from 'zod';
import { isAbsentNamePart } from '../../matching/normalizeNamePart';
import type {
  NppesAddress,
  NppesError,
  NppesRecord,
  NppesTaxonomy,
} from './types';

/**
 * Epochs below this are seconds, above it milliseconds: in seconds it is
 * the year 5138, in milliseconds 1973, and NPPES began in 2005. Deciding by
 * size rather than by JSON type survives either drift.
 */
const SECONDS_MILLIS_BOUNDARY = 1e11;

/** Free text that may be missing, null, empty or the `--` placeholder. */
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => {
    const text = value === null || value === undefined ? '' : String(value);
    const trimmed = text.trim();

    return trimmed === '' || /^-+$/.test(trimmed) ? null : trimmed;
  });

/** A name part: placeholders of every kind become `null`. */
const namePart = optionalText.transform((value) =>
  isAbsentNamePart(value) ? null : value,
);

const epochMs = z
  .union([z.number().int().nonnegative(), z.string().regex(/^[0-9]{1,16}$/)])
  .nullish()
  .transform((value): number | null => {
    if (value === null || value === undefined) {
      return null;
    }
    const n = Number(value);

    return n < SECONDS_MILLIS_BOUNDARY ? n * 1000 : n;
  });

const npiNumber = z
  .union([z.number().int(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^[0-9]{10}$/));

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

const looseRecord = z.record(z.string(), z.unknown());

const addressSchema = z
  .looseObject({
    address_purpose: optionalText,
    address_type: optionalText,
    address_1: optionalText,
    address_2: optionalText,
    city: optionalText,
    state: optionalText,
    postal_code: optionalText,
    country_code: optionalText,
  })
  .transform(
    (raw): NppesAddress => ({
      purpose: raw.address_purpose,
      type: raw.address_type,
      address1: raw.address_1,
      address2: raw.address_2,
      city: raw.city,
      state: raw.state,
      postalCode: raw.postal_code,
      countryCode: raw.country_code,
    }),
  );

const taxonomySchema = z
  .looseObject({
    code: optionalText,
    desc: optionalText,
    primary: z.union([z.boolean(), z.string()]).nullish(),
    state: optionalText,
    license: optionalText,
  })
  .transform(
    (raw): NppesTaxonomy => ({
      code: raw.code,
      desc: raw.desc,
      primary: raw.primary === true || raw.primary === 'true',
      state: raw.state,
      license: raw.license,
    }),
  );

const basicSchema = z.looseObject({
  first_name: namePart,
  last_name: namePart,
  middle_name: namePart,
  name_prefix: namePart,
  name_suffix: namePart,
  credential: optionalText,
  sex: optionalText,
  gender: optionalText,
  status: z.string().min(1),
  enumeration_date: optionalText,
  last_updated: optionalText,
  organization_name: optionalText,
});

/** One element of `results`, normalised into an `NppesRecord`. */
const nppesRecordSchema = z
  .looseObject({
    number: npiNumber,
    enumeration_type: z.enum(['NPI-1', 'NPI-2']),
    created_epoch: epochMs,
    last_updated_epoch: epochMs,
    basic: basicSchema,
    addresses: list(addressSchema),
    taxonomies: list(taxonomySchema),
    identifiers: list(looseRecord),
    other_names: list(looseRecord),
    endpoints: list(looseRecord),
    practiceLocations: list(looseRecord),
  })
  .transform(
    (raw): NppesRecord => ({
      number: raw.number,
      enumerationType: raw.enumeration_type,
      createdEpochMs: raw.created_epoch,
      lastUpdatedEpochMs: raw.last_updated_epoch,
      basic: {
        firstName: raw.basic.first_name,
        lastName: raw.basic.last_name,
        middleName: raw.basic.middle_name,
        namePrefix: raw.basic.name_prefix,
        nameSuffix: raw.basic.name_suffix,
        credential: raw.basic.credential,
        sex: raw.basic.sex ?? raw.basic.gender,
        status: raw.basic.status.trim(),
        enumerationDate: raw.basic.enumeration_date,
        lastUpdated: raw.basic.last_updated,
        organizationName: raw.basic.organization_name,
      },
      addresses: raw.addresses,
      taxonomies: raw.taxonomies,
      identifiers: raw.identifiers,
      otherNames: raw.other_names,
      endpoints: raw.endpoints,
      practiceLocations: raw.practiceLocations,
    }),
  );

/** The success body: a count and the results it counts. */
const nppesResultsBodySchema = z.looseObject({
  result_count: z.union([
    z.number().int().nonnegative(),
    z
      .string()
      .regex(/^[0-9]{1,6}$/)
      .transform(Number),
  ]),
  results: z.array(nppesRecordSchema),
});

const errorEntrySchema = z
  .looseObject({
    field: optionalText,
    number: optionalText,
    description: optionalText,
  })
  .transform(
    (raw): NppesError => ({
      ...(raw.field === null ? {} : { field: raw.field }),
      ...(raw.number === null ? {} : { number: raw.number }),
      ...(raw.description === null ? {} : { description: raw.description }),
    }),
  );

/** The error body NPPES sends with HTTP 200. */
const nppesErrorsBodySchema = z.looseObject({
  Errors: z.array(errorEntrySchema).min(1),
});

export { nppesErrorsBodySchema, nppesRecordSchema, nppesResultsBodySchema };
