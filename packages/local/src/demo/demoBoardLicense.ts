import {
  type BoardRecordJson,
  DAY,
  formatBoardDate,
  makeBoardRecord,
  type Roster,
} from '@rovn/core';
import type { BoardSimulation } from '../simulator/behaviours';
import { boardBehaviourKey } from '../simulator/respondBoard';

/**
 * What the Kansas board (`board-ks`) says about a demo worker's license.
 * Kept apart from the other sources' profiles so their mix stays as it is.
 */
type BoardProfile =
  | 'clean'
  | 'collision'
  | 'collision_paged'
  | 'expired'
  | 'lapsed'
  | 'discipline'
  | 'not_found'
  | 'name_mismatch'
  | 'error_code'
  | 'html';

/**
 * Board profiles by worker index, repeating; as long as the other
 * sources' pattern, so one pattern of workers holds one of each case.
 */
const BOARD_PATTERN: BoardProfile[] = [
  'clean',
  'collision',
  'clean',
  'clean',
  'expired',
  'clean',
  'discipline',
  'clean',
  'not_found',
  'clean',
  'name_mismatch',
  'clean',
  'collision_paged',
  'clean',
  'error_code',
  'clean',
  'lapsed',
  'clean',
  'html',
  'clean',
  'clean',
  'clean',
  'clean',
  'clean',
  'clean',
];

/** The worker (by index) whose license runs out soon, and in how many days. */
const EXPIRING_SOON = { index: 3, days: 20 } as const;

/**
 * The day a demo worker's license expires (`YYYY-MM-DD`), as Nursys and
 * the board both report it: they must agree, since each result writes it
 * into the one credential. The end of November two years on, except for
 * one worker whose license runs out in 20 days, so that the run sends an
 * expiry reminder for a date nobody typed in.
 *
 * @param i - the worker's index in the roster
 * @param today - the run's day, `YYYY-MM-DD`
 */
const demoLicenseExpiry = (i: number, today: string): string => {
  if (i === EXPIRING_SOON.index) {
    const soon = Date.parse(`${today}T00:00:00Z`) + EXPIRING_SOON.days * DAY;

    return new Date(soon).toISOString().slice(0, 10);
  }

  return `${Number(today.slice(0, 4)) + 2}-11-30`;
};

/** Given names of the other registrants a keyword also finds. */
const OTHERS = ['OTIS', 'PERCY', 'RUTH', 'SILAS', 'TESSA', 'VERA'];

/** The demo worker's Kansas RN license number, from its index. */
const demoLicenseNumber = (i: number): string =>
  `RN${String(i + 1).padStart(6, '0')}`;

/**
 * Other registrants whose license numbers contain `number`, as a
 * substring search returns them: a digit after it, or a letter before.
 */
const collisions = (number: string, count: number): BoardRecordJson[] =>
  Array.from({ length: count }, (_, k) =>
    makeBoardRecord(
      {
        firstName: OTHERS[k % OTHERS.length] ?? 'OTIS',
        lastName: 'WEXFORD',
        licenseNumber:
          k < 10 ? `${number}${k}` : `${'CL'[k - 10] ?? 'X'}${number}`,
      },
      { registrantId: 900_000 + k },
    ),
  );

/** What the Kansas board holds for one worker, and how it fails. */
interface BoardEntries {
  registrants: BoardRecordJson[];
  failures: NonNullable<BoardSimulation['failures']>;
}

const entriesFor = (
  profile: BoardProfile,
  worker: {
    number: string;
    givenName: string;
    familyName: string;
    expiresOn: string;
  },
  today: string,
): BoardEntries => {
  const year = Number(today.slice(0, 4));
  const person = {
    firstName: worker.givenName.toUpperCase(),
    lastName: worker.familyName.toUpperCase(),
    licenseNumber: worker.number,
  };
  const valid = { expirationDate: formatBoardDate(worker.expiresOn) };
  const own = [makeBoardRecord(person, valid)];
  const failing = (kind: 'errorCode' | 'html'): BoardEntries => ({
    registrants: own,
    failures: { [boardBehaviourKey(worker.number)]: { kind } },
  });
  const listed = (registrants: BoardRecordJson[]): BoardEntries => ({
    registrants,
    failures: {},
  });
  switch (profile) {
    case 'collision':
      return listed([...collisions(worker.number, 2), ...own]);
    case 'collision_paged':
      // Twelve other numbers first: the license is on the second page.
      return listed([...collisions(worker.number, 12), ...own]);
    case 'expired':
      return listed([
        makeBoardRecord(person, {
          licenseStatus: 'Expired',
          expirationDate: formatBoardDate(`${year - 1}-01-31`),
        }),
      ]);
    case 'lapsed':
      return listed([
        makeBoardRecord(person, { ...valid, licenseStatus: 'Lapsed' }),
      ]);
    case 'discipline':
      return listed([
        makeBoardRecord(person, { ...valid, hasPublicAction: true }),
      ]);
    case 'not_found':
      // The keyword still finds a longer number: not this license.
      return listed(collisions(worker.number, 1));
    case 'name_mismatch':
      return listed([
        makeBoardRecord(
          { ...person, firstName: 'MORGANA', lastName: 'VEXLEY' },
          valid,
        ),
      ]);
    case 'error_code':
      return failing('errorCode');
    case 'html':
      return failing('html');
    default:
      return listed(own);
  }
};

/** A demo worker's Kansas license, its board check, and the board's side. */
interface DemoBoardLicense extends BoardEntries {
  profile: BoardProfile;
  credential: Roster['credentials'][number];
  check: Roster['checks'][number];
}

/**
 * The nurse's Kansas RN license credential (shaped like the Nursys demo
 * credential, so both checks can share it), its `board-ks` check, and
 * what the simulated board holds and answers for it.
 *
 * @param i - the worker's index in the roster
 */
const demoBoardLicense = (
  i: number,
  worker: { id: string; givenName: string; familyName: string },
  options: { today: string; dueAt: Date },
): DemoBoardLicense => {
  const number = demoLicenseNumber(i);
  const credentialId = `${worker.id}-license`;
  const profile = BOARD_PATTERN[i % BOARD_PATTERN.length] ?? 'clean';

  return {
    profile,
    credential: {
      id: credentialId,
      worker_id: worker.id,
      kind: 'license',
      label: 'KS RN license',
      jurisdiction: 'KS',
      number,
      license_type: 'RN',
      expires_on: null,
    },
    check: {
      id: `chk-${credentialId}-board-ks`,
      credential_id: credentialId,
      worker_id: worker.id,
      source: 'board-ks',
      next_due_at: options.dueAt,
    },
    ...entriesFor(
      profile,
      { number, expiresOn: demoLicenseExpiry(i, options.today), ...worker },
      options.today,
    ),
  };
};

export type { BoardProfile, DemoBoardLicense };
export {
  BOARD_PATTERN,
  demoBoardLicense,
  demoLicenseExpiry,
  demoLicenseNumber,
};
