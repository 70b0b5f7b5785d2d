import {
  LEIE_COLUMNS,
  makeLeieCsv,
  makeLeieRows,
  type Subject,
  seededRandom,
} from '@rovn/core';

const SYLLABLES = [
  'AL',
  'BER',
  'COR',
  'DAN',
  'EL',
  'FEN',
  'GAR',
  'HOL',
  'IS',
  'JOR',
  'KEL',
  'LAN',
  'MOR',
  'NEL',
  'OS',
  'PER',
  'QUIN',
  'RAD',
  'SEL',
  'TOR',
  'UL',
  'VAN',
  'WES',
  'YAR',
  'ZEL',
  'BRO',
  'CRA',
  'DRE',
  'FLO',
  'GRI',
  'STA',
  'THO',
];
const GIVEN = ['ADA', 'BRONWEN', 'CASPER', 'DELPHINE', 'EZRA', 'FENWICK'];
const SURNAMES = 30_000;
/** Zipf exponent: the most common surname holds about 2% of people. */
const ZIPF = 0.75;

/** Made-up surnames of three syllables, enough that common ones repeat. */
const surnamePool = (): string[] => {
  const names = new Set<string>();
  const n = SYLLABLES.length;
  for (let i = 0; names.size < SURNAMES && i < n ** 3; i += 1) {
    names.add(
      `${SYLLABLES[i % n]}${SYLLABLES[Math.floor(i / n) % n]}${SYLLABLES[Math.floor(i / n / n) % n]}`,
    );
  }

  return [...names];
};

/** Draws surnames with Zipf-like frequencies (rank r weighs 1/r^ZIPF). */
const surnameSampler = (random: () => number): (() => string) => {
  const pool = surnamePool();
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= pool.length; rank += 1) {
    total += 1 / rank ** ZIPF;
    cumulative.push(total);
  }

  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }

    return pool[lo] ?? 'ALBERCOR';
  };
};

const LASTNAME = LEIE_COLUMNS.indexOf('LASTNAME');
const NPI = LEIE_COLUMNS.indexOf('NPI');

/**
 * An LEIE full list in OIG's real format (core's `makeLeieRows`), with
 * each individual's last name redrawn from a pool of 30 000 made-up
 * surnames at Zipf-like frequencies. `makeLeieRows` alone uses 28 family
 * names, so each would match about 2 600 rows: far more than any real
 * surname, which would make screening look much slower than it is.
 */
const makeBenchLeieCsv = (rows: number, seed = 11): string => {
  const next = surnameSampler(seededRandom(seed));
  const table = makeLeieRows(rows, seed);
  for (const row of table) {
    if (row[LASTNAME] !== '') row[LASTNAME] = next();
  }

  return makeLeieCsv(table);
};

/**
 * Made-up workers to screen: surnames from the same distribution (so
 * common names meet many rows), a date of birth, and an NPI; one in a
 * hundred carries an NPI that is on the list.
 */
const makeBenchWorkers = (
  count: number,
  listedNpis: readonly string[],
  seed = 23,
): Subject[] => {
  const random = seededRandom(seed);
  const next = surnameSampler(random);
  const workers: Subject[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const listed = listedNpis[i % Math.max(1, listedNpis.length)];
    const npi =
      i % 100 === 0 && listed !== undefined
        ? listed
        : `1${String(i).padStart(9, '0')}`;
    workers[i] = {
      subjectId: `w-${i}`,
      givenName: GIVEN[i % GIVEN.length] ?? 'ADA',
      familyName: next(),
      dateOfBirth: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      npi,
    };
  }

  return workers;
};

/** NPIs the list holds (rows whose NPI is not the zero placeholder). */
const listedNpisOf = (csv: string, limit: number): string[] => {
  const found: string[] = [];
  for (const line of csv.split('\r\n')) {
    const npi = line.split('","')[NPI];
    if (npi !== undefined && /^[1-9]\d{9}$/.test(npi)) found.push(npi);
    if (found.length >= limit) break;
  }

  return found;
};

export { listedNpisOf, makeBenchLeieCsv, makeBenchWorkers };
