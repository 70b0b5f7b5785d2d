/** One action of an exclusion: when it started and whether it ended. */
interface SamAction {
  /** `YYYY-MM-DD`, or null when SAM.gov gives none. */
  activateDate: string | null;
  /** `YYYY-MM-DD`; null when absent or `Indefinite`. */
  terminationDate: string | null;
  /** True when the action says it has no end (`Indefinite`). */
  indefinite: boolean;
  recordStatus: string | null;
}

/**
 * One SAM.gov exclusion record, normalised: dates are `YYYY-MM-DD`, `npi`
 * is ten digits or null, name parts that are empty or placeholders are
 * null. Addresses are not kept: the receipt holds the body.
 */
interface SamExclusion {
  classificationType: string | null;
  exclusionType: string | null;
  exclusionProgram: string | null;
  excludingAgencyCode: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  entityName: string | null;
  npi: string | null;
  ueiSam: string | null;
  actions: SamAction[];
}

/**
 * What a SAM.gov answer says, decided from status and body. `reason` and
 * the statuses are stable codes that name no person.
 */
type ParsedSamResponse =
  | { kind: 'results'; totalRecords: number; exclusions: SamExclusion[] }
  /** HTTP 429: the account's daily quota is spent. */
  | { kind: 'quota_exhausted' }
  /** HTTP 401 or 403: the API key was refused. */
  | { kind: 'credentials_refused'; status: number }
  /** Another non-2xx status. */
  | { kind: 'source_error'; status: number }
  | { kind: 'unreadable'; reason: string };

/** Which lookup an answer came from. */
type SamQuery = 'npi' | 'name';

/** One parsed answer and the lookup that produced it. */
interface SamAnswer {
  query: SamQuery | 'replay';
  parsed: ParsedSamResponse;
}

export type { ParsedSamResponse, SamAction, SamAnswer, SamExclusion, SamQuery };
