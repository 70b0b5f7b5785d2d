/**
 * The parts of a person's name as a source or a subject gives them. Any
 * part may be missing or a placeholder (`--`, `N/A`); matching treats those
 * as absent, never as a value.
 */
interface PersonName {
  givenName?: string | null | undefined;
  middleName?: string | null | undefined;
  familyName?: string | null | undefined;
}

/** How well two names agree: `probable` always needs a person to decide. */
type NameMatchLevel = 'exact' | 'probable' | 'none';

/** The verdict of `compareNames`, with the reason codes that led to it. */
interface NameComparison {
  match: NameMatchLevel;
  /** Stable codes such as `family_part` or `middle_conflict`; never names. */
  reasons: string[];
}

export type { NameComparison, NameMatchLevel, PersonName };
