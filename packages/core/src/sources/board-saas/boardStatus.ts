/**
 * What a license status means for a check. `unknown` is any wording not
 * listed here; it is never read as active.
 */
type StatusMeaning = 'active' | 'inactive' | 'disciplinary' | 'unknown';

/** A status in one spelling: upper case, dashes as spaces, single spaces. */
const normaliseStatus = (status: string): string =>
  status
    .toUpperCase()
    .replace(/[-–—/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const MEANINGS: ReadonlyMap<string, StatusMeaning> = new Map<
  string,
  StatusMeaning
>([
  ['ACTIVE', 'active'],
  ['ACTIVE MULTISTATE', 'active'],
  ['ACTIVE SINGLE STATE', 'active'],
  ['CURRENT', 'active'],
  ['EXPIRED', 'inactive'],
  ['INACTIVE', 'inactive'],
  ['LAPSED', 'inactive'],
  ['RETIRED', 'inactive'],
  ['CANCELLED', 'inactive'],
  ['CANCELED', 'inactive'],
  ['NULL AND VOID', 'inactive'],
  ['DECEASED', 'inactive'],
  ['REVOKED', 'disciplinary'],
  ['SUSPENDED', 'disciplinary'],
  ['SURRENDERED', 'disciplinary'],
  ['VOLUNTARILY SURRENDERED', 'disciplinary'],
  ['PROBATION', 'disciplinary'],
  ['ACTIVE PROBATION', 'disciplinary'],
  ['ACTIVE WITH RESTRICTIONS', 'disciplinary'],
  ['LIMITED', 'disciplinary'],
  ['RESTRICTED', 'disciplinary'],
  ['DENIED', 'disciplinary'],
]);

/**
 * Reads a board license status. Case, dashes and spacing do not matter
 * (`Active - Multistate` is `ACTIVE MULTISTATE`); the words do: only the
 * statuses listed are known, and anything else is `unknown`, which the
 * classifier sends to a person rather than clearing.
 *
 * Note: the list is assumed from how boards on the SaaS word statuses;
 * a board that uses another word for "active" yields `needs_review`
 * until the word is added here.
 */
const statusMeaning = (status: string): StatusMeaning =>
  MEANINGS.get(normaliseStatus(status)) ?? 'unknown';

export type { StatusMeaning };
export { statusMeaning };
