/** A postal address of an NPPES record (location or mailing). */
interface NppesAddress {
  purpose: string | null;
  type: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryCode: string | null;
}

/**
 * A taxonomy of an NPPES record. `license` is self-reported by the
 * provider: it is not primary-source evidence of a license.
 */
interface NppesTaxonomy {
  code: string | null;
  desc: string | null;
  primary: boolean;
  state: string | null;
  license: string | null;
}

/**
 * The `basic` block of a record. Name parts that NPPES fills with
 * placeholders (`--`) are `null` here.
 */
interface NppesBasic {
  firstName: string | null;
  lastName: string | null;
  middleName: string | null;
  namePrefix: string | null;
  nameSuffix: string | null;
  credential: string | null;
  /** From `sex`, or from `gender` in older answers. */
  sex: string | null;
  /** `A` for active; anything else is not active. */
  status: string;
  enumerationDate: string | null;
  lastUpdated: string | null;
  /** Only on organisation (NPI-2) records. */
  organizationName: string | null;
}

/**
 * One NPPES result, normalised across the format drift: `number` is always
 * a ten-digit string, epochs are always milliseconds.
 */
interface NppesRecord {
  number: string;
  enumerationType: 'NPI-1' | 'NPI-2';
  createdEpochMs: number | null;
  lastUpdatedEpochMs: number | null;
  basic: NppesBasic;
  addresses: NppesAddress[];
  taxonomies: NppesTaxonomy[];
  identifiers: Record<string, unknown>[];
  otherNames: Record<string, unknown>[];
  endpoints: Record<string, unknown>[];
  practiceLocations: Record<string, unknown>[];
}

/** One entry of an NPPES `Errors` answer. */
interface NppesError {
  field?: string;
  number?: string;
  description?: string;
}

/**
 * What an NPPES answer says: an HTTP error status (any non-2xx), else,
 * decided from the body, results, an error report (which NPPES sends with
 * HTTP 200), or something not understood. `reason` is a stable code that
 * names no person.
 */
type ParsedNppesResponse =
  | { kind: 'results'; results: NppesRecord[] }
  | { kind: 'errors'; errors: NppesError[] }
  | { kind: 'source_error'; status: number }
  | { kind: 'unreadable'; reason: string };

/** The parts of an HTTP answer the parser looks at. */
interface NppesHttpAnswer {
  status: number;
  contentType: string;
  body: Uint8Array;
}

export type {
  NppesAddress,
  NppesBasic,
  NppesError,
  NppesHttpAnswer,
  NppesRecord,
  NppesTaxonomy,
  ParsedNppesResponse,
};
