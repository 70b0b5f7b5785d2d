import type { NormalizedName } from '../../matching/normalizedName';

/**
 * One row of the LEIE full list. Dates are `YYYY-MM-DD`, `null` where the
 * file has `00000000`; `npi` is `null` where the file has `0000000000`.
 * Text fields are trimmed, '' when empty. Address, city, ZIP and UPIN are
 * not kept: screening does not use them and the receipt holds the file.
 */
interface LeieRecord {
  /** 1-based row in the file (the header is row 1), for audit. */
  row: number;
  lastName: string;
  firstName: string;
  middleName: string;
  businessName: string;
  general: string;
  specialty: string;
  npi: string | null;
  dateOfBirth: string | null;
  state: string;
  /** Statute code such as `1128a1` or `1128b4`. */
  exclusionType: string;
  exclusionDate: string | null;
  reinstatementDate: string | null;
  waiverDate: string | null;
  waiverState: string;
}

/** An individual's row with its name normalised once, at index build. */
interface LeieIndividual {
  record: LeieRecord;
  name: NormalizedName;
}

/**
 * The individuals under one family-name key, also split by the initial of
 * their given name, so a worker is compared only with rows whose given
 * name could match theirs (see `givenInitial`).
 */
interface LeieFamilyBucket {
  /** Every individual under the key. */
  all: readonly LeieIndividual[];
  /** Individuals with a given name, by its first letter. */
  byInitial: ReadonlyMap<string, readonly LeieIndividual[]>;
  /** Individuals whose given name is absent (empty or a placeholder). */
  noGiven: readonly LeieIndividual[];
}

/** The in-memory lookups screening uses. */
interface LeieIndex {
  /** Records by NPI, individuals and entities; rows without one are not in it. */
  byNpi: ReadonlyMap<string, readonly LeieRecord[]>;
  /** Individuals by every key of `familyNameKeys(lastName)`. */
  byFamilyKey: ReadonlyMap<string, LeieFamilyBucket>;
  /** Rows with a business name, by `businessNameKey(businessName)`. */
  byBusinessName: ReadonlyMap<string, readonly LeieRecord[]>;
  /** Rows in the list, individuals and entities. */
  rowCount: number;
}

export type { LeieFamilyBucket, LeieIndex, LeieIndividual, LeieRecord };
