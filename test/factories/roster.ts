import type { Roster } from '../../packages/core/src/store';

interface PersonSeed {
  id: string;
  givenName?: string;
  familyName?: string;
  npi?: string | null;
  dateOfBirth?: string | null;
  formerFamilyNames?: string[];
  sources?: string[];
  facilityIds?: string[];
  dueAt?: Date;
  /** The license a `nursys` check verifies (kind `license`). */
  license?: { jurisdiction: string; number: string; type: string };
}

/**
 * A small roster: each person gets one credential and one check per
 * source, engaged at the named facilities from 2020 on.
 */
const makeRoster = (
  people: PersonSeed[],
  facilities: { id: string; name?: string }[] = [{ id: 'f1' }],
): Roster => {
  const roster: Roster = {
    workers: [],
    facilities: facilities.map((f) => ({
      id: f.id,
      name: f.name ?? `Facility ${f.id}`,
      notify_email: `credentialing@${f.id}.example`,
    })),
    engagements: [],
    credentials: [],
    checks: [],
  };

  for (const person of people) {
    roster.workers.push({
      id: person.id,
      given_name: person.givenName ?? 'Ada',
      family_name: person.familyName ?? 'Quill',
      middle_name: null,
      date_of_birth: person.dateOfBirth ?? null,
      email: `${person.id}@workers.example`,
      npi: person.npi ?? null,
      ...(person.formerFamilyNames === undefined
        ? {}
        : { former_family_names: person.formerFamilyNames }),
    });
    for (const facilityId of person.facilityIds ?? [
      facilities[0]?.id ?? 'f1',
    ]) {
      roster.engagements.push({
        facility_id: facilityId,
        worker_id: person.id,
        starts_on: '2020-01-01',
        ends_on: null,
      });
    }
    for (const source of person.sources ?? ['nppes']) {
      const credentialId = `${person.id}-${source}`;
      const license = source === 'nursys' ? person.license : undefined;
      roster.credentials.push({
        id: credentialId,
        worker_id: person.id,
        kind:
          source === 'nppes'
            ? 'npi'
            : source === 'nursys'
              ? 'license'
              : 'exclusion_screen',
        label:
          source === 'nppes'
            ? 'NPI'
            : source === 'nursys'
              ? 'License'
              : 'Exclusion screening',
        jurisdiction: license?.jurisdiction ?? null,
        number: license?.number ?? null,
        license_type: license?.type ?? null,
        expires_on: null,
      });
      roster.checks.push({
        id: `c-${credentialId}`,
        credential_id: credentialId,
        worker_id: person.id,
        source,
        next_due_at: person.dueAt ?? new Date('2026-01-01T00:00:00Z'),
      });
    }
  }

  return roster;
};

export type { PersonSeed };
export { makeRoster };
