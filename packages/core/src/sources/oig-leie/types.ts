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

/** The in-memory lookups screening uses. */
interface LeieIndex {
  /** Records by NPI; rows without an NPI are not in it. */
  byNpi: ReadonlyMap<string, readonly LeieRecord[]>;
  /** Individuals by every key of `familyNameKeys(lastName)`. */
  byFamilyKey: ReadonlyMap<string, readonly LeieRecord[]>;
  /** Rows in the list, individuals and entities. */
  rowCount: number;
}

export type { LeieIndex, LeieRecord };
