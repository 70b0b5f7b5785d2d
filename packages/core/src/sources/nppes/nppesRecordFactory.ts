/**
 * Builders of NPPES answers in the registry's real JSON format, with
 * made-up people. The source simulator serves them and tests reuse them, so
 * both speak the format the parser must read, drift included.
 */

/** The made-up provider a record describes. */
interface NppesPerson {
  npi: string;
  givenName: string;
  familyName: string;
  /** Omitted from the record when undefined; may be `--` on purpose. */
  middleName?: string;
  credential?: string;
  sex?: 'F' | 'M';
  /** Two-letter state of the practice address and the license. */
  state?: string;
  city?: string;
  taxonomyCode?: string;
  taxonomyDesc?: string;
  /** Self-reported license number shown under the taxonomy. */
  license?: string;
  /** Organisation name, used when the record is an NPI-2. */
  organizationName?: string;
}

/**
 * Which generation of the format to produce: `legacy` has JSON numbers for
 * `number` and the epochs (seconds) and a `gender` field; `current` has
 * strings (epoch milliseconds) and `sex`.
 */
type NppesFormat = 'legacy' | 'current';

/** Knobs for one record; every one has a realistic default. */
interface NppesRecordOptions {
  format?: NppesFormat;
  /** `basic.status`; `A` is active. */
  status?: string;
  enumerationType?: 'NPI-1' | 'NPI-2';
  createdAt?: Date;
  lastUpdatedAt?: Date;
  /** Other names (for example a former name) listed on the record. */
  otherNames?: { type: string; firstName: string; lastName: string }[];
}

/** A record as NPPES sends it: plain JSON values. */
type NppesRecordJson = Record<string, unknown>;

const DEFAULT_CREATED = new Date('2007-03-14T00:00:00Z');
const DEFAULT_UPDATED = new Date('2023-09-05T00:00:00Z');

const epoch = (date: Date, format: NppesFormat): number | string =>
  format === 'legacy'
    ? Math.floor(date.getTime() / 1000)
    : String(date.getTime());

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const address = (person: NppesPerson, purpose: string): NppesRecordJson => ({
  country_code: 'US',
  country_name: 'United States',
  address_purpose: purpose,
  address_type: 'DOM',
  address_1: purpose === 'MAILING' ? 'PO BOX 4410' : '1200 ORCHARD WAY',
  address_2: '',
  city: person.city ?? 'SPRINGFIELD',
  state: person.state ?? 'OH',
  postal_code: '450019021',
  telephone_number: '555-010-4477',
});

const basicBlock = (
  person: NppesPerson,
  options: Required<Pick<NppesRecordOptions, 'format' | 'status'>> & {
    createdAt: Date;
    lastUpdatedAt: Date;
    individual: boolean;
  },
): NppesRecordJson => {
  const dates = {
    enumeration_date: isoDay(options.createdAt),
    last_updated: isoDay(options.lastUpdatedAt),
    certification_date: isoDay(options.lastUpdatedAt),
    status: options.status,
  };
  if (!options.individual) {
    return {
      organization_name: person.organizationName ?? 'ORCHARD WAY CLINIC LLC',
      organizational_subpart: 'NO',
      authorized_official_first_name: person.givenName.toUpperCase(),
      authorized_official_last_name: person.familyName.toUpperCase(),
      authorized_official_title_or_position: 'ADMINISTRATOR',
      authorized_official_telephone_number: '555-010-4478',
      ...dates,
    };
  }

  const sexField = options.format === 'legacy' ? 'gender' : 'sex';

  return {
    name_prefix: '--',
    first_name: person.givenName.toUpperCase(),
    last_name: person.familyName.toUpperCase(),
    ...(person.middleName === undefined
      ? {}
      : { middle_name: person.middleName.toUpperCase() }),
    name_suffix: '--',
    credential: person.credential ?? 'RN',
    sole_proprietor: 'NO',
    [sexField]: person.sex ?? 'F',
    ...dates,
  };
};

/**
 * One element of an NPPES `results` array for a made-up person, with
 * every field the registry sends.
 *
 * @example makeNppesRecord({ npi: '1234567893', givenName: 'Ada',
 *   familyName: 'Quill' }, { format: 'legacy' })
 */
const makeNppesRecord = (
  person: NppesPerson,
  options: NppesRecordOptions = {},
): NppesRecordJson => {
  const format = options.format ?? 'current';
  const enumerationType = options.enumerationType ?? 'NPI-1';
  const createdAt = options.createdAt ?? DEFAULT_CREATED;
  const lastUpdatedAt = options.lastUpdatedAt ?? DEFAULT_UPDATED;
  const state = person.state ?? 'OH';

  return {
    created_epoch: epoch(createdAt, format),
    enumeration_type: enumerationType,
    last_updated_epoch: epoch(lastUpdatedAt, format),
    number: format === 'legacy' ? Number(person.npi) : person.npi,
    addresses: [address(person, 'LOCATION'), address(person, 'MAILING')],
    practiceLocations: [],
    basic: basicBlock(person, {
      format,
      status: options.status ?? 'A',
      createdAt,
      lastUpdatedAt,
      individual: enumerationType === 'NPI-1',
    }),
    taxonomies: [
      {
        code: person.taxonomyCode ?? '163W00000X',
        taxonomy_group: '',
        desc: person.taxonomyDesc ?? 'Registered Nurse',
        state,
        license: person.license ?? 'RN-2201447',
        primary: true,
      },
    ],
    identifiers: [],
    endpoints: [],
    other_names: (options.otherNames ?? []).map((other) => ({
      type: other.type,
      code: '1',
      first_name: other.firstName.toUpperCase(),
      last_name: other.lastName.toUpperCase(),
      prefix: '--',
      suffix: '--',
    })),
  };
};

/** A success body: `result_count` and the records it counts. */
const makeNppesBody = (
  records: readonly NppesRecordJson[],
): NppesRecordJson => ({
  result_count: records.length,
  results: [...records],
});

/**
 * An error body as NPPES sends it with HTTP 200. Defaults to the answer
 * for a request without valid search criteria.
 */
const makeNppesErrorBody = (
  errors: readonly {
    field?: string;
    number?: string;
    description?: string;
  }[] = [
    {
      field: 'generic',
      number: '04',
      description: 'No valid search criteria provided',
    },
  ],
): NppesRecordJson => ({
  Errors: errors.map((error) => ({ ...error })),
});

export type { NppesFormat, NppesPerson, NppesRecordJson, NppesRecordOptions };
export { makeNppesBody, makeNppesErrorBody, makeNppesRecord };
