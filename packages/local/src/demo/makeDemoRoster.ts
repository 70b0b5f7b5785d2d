import {
  type BoardSourceId,
  licenseKey,
  makeLeieCsv,
  makeLeieRow,
  makeLeieRows,
  makeNppesBody,
  makeNppesRecord,
  makeNursysNotification,
  makeNursysRecord,
  makeSamBody,
  makeSamRecord,
  type NursysLicenseOptions,
  npiCheckDigit,
  type Roster,
  seededRandom,
} from '@rovn/core';
import type {
  BoardSimulation,
  NppesBehaviour,
  NursysBehaviour,
  SamBehaviour,
} from '../simulator/behaviours';
import { samBehaviourKey } from '../simulator/respondSam';
import {
  type BoardProfile,
  demoBoardLicense,
  demoLicenseExpiry,
} from './demoBoardLicense';

/** What a demo worker is set up to produce, so the run can be checked. */
type DemoProfile =
  | 'clean'
  | 'leie_npi_match'
  | 'leie_name_dob_match'
  | 'leie_name_only'
  | 'npi_unknown'
  | 'npi_bad_check_digit'
  | 'npi_name_mismatch'
  | 'nppes_errors200'
  | 'nppes_503'
  | 'nppes_slow'
  | 'nppes_html';

/** What a demo worker's license is set up to produce at Nursys. */
type LicenseProfile =
  | 'clean'
  | 'discipline'
  | 'expired'
  | 'inactive'
  | 'not_found'
  | 'name_mismatch'
  | 'transaction_error'
  | 'html'
  | 'http500'
  | 'pending_forever';

interface DemoWorld {
  roster: Roster;
  nppes: Record<string, NppesBehaviour>;
  leieCsv: string;
  /** SAM.gov answers by lookup key (see `samBehaviourKey`). */
  sam: Record<string, SamBehaviour>;
  profiles: Record<string, DemoProfile>;
  /** Nursys answers by license key (see `licenseKey`). */
  nursys: Record<string, NursysBehaviour>;
  /** The changes the Nursys notification lookup reports. */
  nursysNotifications: Record<string, unknown>[];
  /** What each worker's license is set up to produce at Nursys. */
  licenseProfiles: Record<string, LicenseProfile>;
  /** The simulated state boards: registries and failures. */
  boards: Partial<Record<BoardSourceId, BoardSimulation>>;
  boardProfiles: Record<string, BoardProfile>;
}

interface DemoOptions {
  workers: number;
  seed?: number;
  /** Made-up background rows of the simulated LEIE list. */
  leieBackgroundRows?: number;
  /** The day the run pretends it is (engagements start before it). */
  today: string;
}

const GIVEN = [
  'Avery',
  'Blake',
  'Casey',
  'Dana',
  'Emery',
  'Finley',
  'Harper',
  'Jordan',
  'Kai',
  'Logan',
  'Morgan',
  'Noel',
  'Parker',
  'Quinn',
  'Reese',
  'Rowan',
  'Sage',
  'Taylor',
];
const FAMILY = [
  'Ashgrove',
  'Brightwater',
  'Calderwood',
  'Dunmore',
  'Elderfield',
  'Fairhaven',
  'Glenrock',
  'Hollowell',
  'Ironwood',
  'Juniper-Lake',
  'Kestrel',
  'Larkspur',
  'Meadowbrook',
  'Northcott',
  'Oakhurst',
  'Pinecrest',
  'Quarrington',
  'Redcliffe',
  'Stonebridge',
  'Thornbury',
];
const FACILITIES = [
  { id: 'fac-lakeside', name: 'Lakeside General Hospital' },
  { id: 'fac-mercy', name: 'Mercy Ridge Medical Center' },
  { id: 'fac-harbor', name: 'Harbor View Rehabilitation' },
];

/**
 * Profiles in a fixed, repeating pattern, so every run of a size has the
 * same mix: mostly clean workers, and a few of every case the adapters
 * must tell apart.
 */
const PATTERN: DemoProfile[] = [
  'clean',
  'clean',
  'clean',
  'leie_npi_match',
  'clean',
  'npi_unknown',
  'clean',
  'npi_bad_check_digit',
  'clean',
  'leie_name_dob_match',
  'clean',
  'npi_name_mismatch',
  'clean',
  'leie_name_only',
  'clean',
  'nppes_errors200',
  'clean',
  'clean',
  'nppes_503',
  'clean',
  'nppes_html',
  'clean',
  'clean',
  'nppes_slow',
  'clean',
];

/**
 * License profiles, in their own repeating pattern so the NPPES, LEIE and
 * SAM mix above stays exactly as it was: every demo worker is a Kansas RN
 * with one `nursys` check, half of them clean.
 */
const LICENSE_PATTERN: LicenseProfile[] = [
  'clean',
  'clean',
  'discipline',
  'clean',
  'expired',
  'clean',
  'inactive',
  'clean',
  'not_found',
  'clean',
  'name_mismatch',
  'clean',
  'transaction_error',
  'clean',
  'html',
  'clean',
  'http500',
  'clean',
  'pending_forever',
  'clean',
];

/** A license that does not belong to any demo worker (a notice to count). */
const UNKNOWN_LICENSE = {
  jurisdiction: 'KS',
  licenseType: 'RN',
  licenseNumber: 'RN999999',
};

const pad = (n: number, width: number): string =>
  String(n).padStart(width, '0');

/** A made-up valid NPI from a running number. */
const demoNpi = (n: number): string => {
  const first9 = `1${pad(n, 8)}`;

  return `${first9}${npiCheckDigit(first9)}`;
};

/** A made-up NPI whose check digit is wrong. */
const badNpi = (n: number): string => {
  const good = demoNpi(n);

  return `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
};

const samBody = (record: Record<string, unknown>): SamBehaviour => ({
  kind: 'body',
  body: JSON.stringify(makeSamBody([record])),
});

/**
 * What SAM.gov says about a worker, riding on profiles the pattern already
 * has so its length (and every other source's mix) stays as it is: listed
 * by NPI where LEIE lists the NPI, listed by name only where LEIE does, a
 * maintenance page where NPPES shows one, and an exclusion that ended
 * (not active, so `clear`) for the NPPES name-mismatch worker. Never a 429:
 * that would spend the whole day's budget and make the mix depend on order.
 */
const samBehaviours = (
  profile: DemoProfile,
  worker: { npi: string; givenName: string; familyName: string },
): Record<string, SamBehaviour> => {
  const byName = samBehaviourKey({
    exclusionName: `${worker.givenName} ${worker.familyName}`,
  });
  const person = {
    firstName: worker.givenName.toUpperCase(),
    lastName: worker.familyName.toUpperCase(),
  };
  switch (profile) {
    case 'leie_npi_match':
      return {
        [samBehaviourKey({ npi: worker.npi })]: samBody(
          makeSamRecord({ ...person, npi: worker.npi }),
        ),
      };
    case 'leie_name_only':
      return { [byName]: samBody(makeSamRecord(person)) };
    case 'nppes_html':
      return { [samBehaviourKey({ npi: worker.npi })]: { kind: 'html' } };
    case 'npi_name_mismatch':
      return {
        [byName]: samBody(
          makeSamRecord(person, {
            terminationDate: '03-01-2021',
            terminationType: 'Definite',
            recordStatus: 'Inactive',
          }),
        ),
      };
    default:
      return {};
  }
};

/**
 * What Nursys says about a worker's license. Names and dates are made up;
 * the expired license ended in 2023, the discipline is from 2024.
 */
const nursysBehaviour = (
  profile: LicenseProfile,
  worker: {
    givenName: string;
    familyName: string;
    licenseNumber: string;
    /** The day the board also reports (`demoLicenseExpiry`). */
    expiresOn: string;
  },
): NursysBehaviour | undefined => {
  const nurse = (
    license: NursysLicenseOptions,
    name = { givenName: worker.givenName, familyName: worker.familyName },
  ): NursysBehaviour => ({
    kind: 'result',
    records: [
      makeNursysRecord({
        firstName: name.givenName.toUpperCase(),
        lastName: name.familyName.toUpperCase(),
        licenses: [
          {
            licenseNumber: worker.licenseNumber,
            expirationDate: `${worker.expiresOn}T00:00:00`,
            ...license,
          },
        ],
      }),
    ],
  });
  switch (profile) {
    case 'clean':
      return nurse({});
    case 'discipline':
      return nurse({ disciplines: [{ againstPrivilegeToPractice: true }] });
    case 'expired':
      return nurse({
        active: false,
        licenseStatus: 'Expired',
        expirationDate: '2023-08-31T00:00:00',
      });
    case 'inactive':
      return nurse({ active: false, licenseStatus: 'Inactive' });
    case 'not_found':
      return undefined;
    case 'name_mismatch':
      return nurse({}, { givenName: 'Marisol', familyName: 'Quenby' });
    case 'transaction_error':
      return { kind: 'transaction_error' };
    case 'html':
      return { kind: 'html' };
    case 'http500':
      return { kind: 'http500' };
    case 'pending_forever':
      return { kind: 'pending_forever' };
  }
};

/**
 * Builds the demo world: a roster of made-up workers at three
 * facilities, the NPPES answers the simulator gives for them, and an LEIE
 * file that lists some of them.
 */
const makeDemoRoster = (options: DemoOptions): DemoWorld => {
  const random = seededRandom(options.seed ?? 7);
  const roster: Roster = {
    workers: [],
    facilities: FACILITIES.map((f) => ({
      id: f.id,
      name: f.name,
      notify_email: `credentialing@${f.id.replace('fac-', '')}.example`,
    })),
    engagements: [],
    credentials: [],
    checks: [],
  };
  const nppes: Record<string, NppesBehaviour> = {};
  const profiles: Record<string, DemoProfile> = {};
  const sam: Record<string, SamBehaviour> = {};
  const nursys: Record<string, NursysBehaviour> = {};
  const licenseProfiles: Record<string, LicenseProfile> = {};
  const nursysNotifications = [makeNursysNotification(UNKNOWN_LICENSE)];
  const boardProfiles: Record<string, BoardProfile> = {};
  const boardKs = {
    registrants: [] as Record<string, unknown>[],
    failures: {} as NonNullable<BoardSimulation['failures']>,
  };
  const leieRows = makeLeieRows(options.leieBackgroundRows ?? 2_000, 99);
  const dueAt = new Date(`${options.today}T00:00:00Z`);

  for (let i = 0; i < options.workers; i++) {
    const id = `w-${pad(i + 1, 5)}`;
    const profile = PATTERN[i % PATTERN.length] ?? 'clean';
    // Names are unique up to GIVEN x FAMILY workers, so a listed name
    // matches only the worker it was listed for; beyond that a suffix
    // number keeps them apart.
    const givenName = GIVEN[i % GIVEN.length] ?? 'Avery';
    const round = Math.floor(i / (GIVEN.length * FAMILY.length));
    const familyName = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] ?? 'Ashgrove'}${round === 0 ? '' : `-${round + 1}`}`;
    const dateOfBirth = `19${60 + Math.floor(random() * 40)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const npi = profile === 'npi_bad_check_digit' ? badNpi(i) : demoNpi(i);
    profiles[id] = profile;

    roster.workers.push({
      id,
      given_name: givenName,
      family_name: familyName,
      middle_name: null,
      date_of_birth: dateOfBirth,
      email: `${id}@workers.rovn.example`,
      npi,
    });
    const facility = FACILITIES[i % FACILITIES.length] ?? FACILITIES[0];
    roster.engagements.push({
      facility_id: facility?.id ?? 'fac-lakeside',
      worker_id: id,
      starts_on: '2024-01-01',
      ends_on: null,
    });
    for (const [source, kind, label] of [
      ['nppes', 'npi', `NPI ${npi}`],
      ['oig-leie', 'exclusion_screen', 'OIG exclusion screening'],
      ['sam', 'exclusion_screen', 'SAM.gov exclusion screening'],
    ] as const) {
      const credentialId = `${id}-${source}`;
      roster.credentials.push({
        id: credentialId,
        worker_id: id,
        kind,
        label,
        jurisdiction: null,
        number: null,
        license_type: null,
        expires_on: null,
      });
      roster.checks.push({
        id: `chk-${credentialId}`,
        credential_id: credentialId,
        worker_id: id,
        source,
        next_due_at: dueAt,
      });
    }
    // The nurse's Kansas RN license, checked at the Kansas board.
    const boardLicense = demoBoardLicense(
      i,
      { id, givenName, familyName },
      { today: options.today, dueAt },
    );
    roster.credentials.push(boardLicense.credential);
    roster.checks.push(boardLicense.check);
    boardProfiles[id] = boardLicense.profile;
    boardKs.registrants.push(...boardLicense.registrants);
    Object.assign(boardKs.failures, boardLicense.failures);

    const record = (name: { givenName: string; familyName: string }) => ({
      kind: 'body' as const,
      body: JSON.stringify(
        makeNppesBody([makeNppesRecord({ npi, ...name, credential: 'RN' })]),
      ),
    });
    switch (profile) {
      case 'npi_unknown':
      case 'npi_bad_check_digit':
        break;
      case 'npi_name_mismatch':
        nppes[npi] = record({ givenName: 'Morgana', familyName: 'Vexley' });
        break;
      case 'nppes_errors200':
        nppes[npi] = { kind: 'errors200' };
        break;
      case 'nppes_503':
        nppes[npi] = { kind: 'http503' };
        break;
      case 'nppes_html':
        nppes[npi] = { kind: 'html' };
        break;
      case 'nppes_slow':
        nppes[npi] = { kind: 'slow' };
        break;
      default:
        nppes[npi] = record({ givenName, familyName });
    }

    const upper = {
      lastName: familyName.toUpperCase(),
      firstName: givenName.toUpperCase(),
    };
    if (profile === 'leie_npi_match') {
      leieRows.push(makeLeieRow({ ...upper, npi, dateOfBirth: null }));
    } else if (profile === 'leie_name_dob_match') {
      leieRows.push(makeLeieRow({ ...upper, npi: null, dateOfBirth }));
    } else if (profile === 'leie_name_only') {
      leieRows.push(makeLeieRow({ ...upper, npi: null, dateOfBirth: null }));
    }
    Object.assign(sam, samBehaviours(profile, { npi, givenName, familyName }));

    const licenseProfile =
      LICENSE_PATTERN[i % LICENSE_PATTERN.length] ?? 'clean';
    const license = {
      jurisdiction: 'KS',
      licenseType: 'RN',
      licenseNumber: `RN${pad(i + 1, 6)}`,
    };
    licenseProfiles[id] = licenseProfile;
    // The same credential as the board check's (see demoBoardLicense).
    roster.checks.push({
      id: `chk-${id}-nursys`,
      credential_id: `${id}-license`,
      worker_id: id,
      source: 'nursys',
      next_due_at: dueAt,
    });
    const behaviour = nursysBehaviour(licenseProfile, {
      givenName,
      familyName,
      licenseNumber: license.licenseNumber,
      expiresOn: demoLicenseExpiry(i, options.today),
    });
    if (behaviour !== undefined) nursys[licenseKey(license)] = behaviour;
    // Nursys reports a change for every disciplined nurse.
    if (licenseProfile === 'discipline') {
      nursysNotifications.push(
        makeNursysNotification({ ...license, notificationType: 'Discipline' }),
      );
    }
  }

  return {
    roster,
    nppes,
    leieCsv: makeLeieCsv(leieRows),
    sam,
    profiles,
    nursys,
    nursysNotifications,
    licenseProfiles,
    boards: { 'board-ks': boardKs },
    boardProfiles,
  };
};

export type {
  BoardProfile,
  DemoOptions,
  DemoProfile,
  DemoWorld,
  LicenseProfile,
};
export { makeDemoRoster };
