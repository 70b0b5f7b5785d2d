import { npiCheckDigit } from '../../npi/isValidNpi';
import { LEIE_COLUMNS, LEIE_NO_DATE, LEIE_NO_NPI } from './leieColumns';

/**
 * Builders of LEIE files in OIG's real format (header, every field
 * double-quoted, CRLF) with made-up people, for tests, the source simulator
 * and benchmarks.
 */

/** A made-up row; dates are `YYYY-MM-DD`, absent values use defaults. */
interface LeiePerson {
  lastName?: string;
  firstName?: string;
  middleName?: string;
  businessName?: string;
  general?: string;
  specialty?: string;
  upin?: string;
  /** `null` writes the `0000000000` placeholder. */
  npi?: string | null;
  /** `null` writes `00000000`. */
  dateOfBirth?: string | null;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  exclusionType?: string;
  exclusionDate?: string | null;
  reinstatementDate?: string | null;
  waiverDate?: string | null;
  waiverState?: string;
}

const leieDate = (value: string | null | undefined): string =>
  value === null || value === undefined
    ? LEIE_NO_DATE
    : value.replaceAll('-', '');

/**
 * The 18 raw fields of one row, in `LEIE_COLUMNS` order. An individual
 * unless only `businessName` is given.
 */
const makeLeieRow = (person: LeiePerson = {}): string[] => {
  const isEntity =
    person.businessName !== undefined && person.lastName === undefined;
  const individual = (value: string): string => (isEntity ? '' : value);

  return [
    person.lastName ?? individual('QUILLFEATHER'),
    person.firstName ?? individual('ADA'),
    person.middleName ?? '',
    person.businessName ?? '',
    person.general ?? (isEntity ? 'PHARMACY' : 'NURSING PROFESSION'),
    person.specialty ?? (isEntity ? '' : 'NURSE/NURSES AIDE'),
    person.upin ?? '',
    person.npi === null || person.npi === undefined ? LEIE_NO_NPI : person.npi,
    leieDate(
      person.dateOfBirth === undefined
        ? individual('1971-04-12') || null
        : person.dateOfBirth,
    ),
    person.address ?? '88 LANTERN HILL RD',
    person.city ?? 'MAPLETON',
    person.state ?? 'OH',
    person.zip ?? '45001',
    person.exclusionType ?? '1128b4',
    leieDate(
      person.exclusionDate === undefined ? '2019-05-16' : person.exclusionDate,
    ),
    leieDate(person.reinstatementDate),
    leieDate(person.waiverDate),
    person.waiverState ?? '',
  ];
};

const quote = (field: string): string => `"${field.replaceAll('"', '""')}"`;

/**
 * A whole LEIE file: the header, then the rows, every field quoted, every
 * line (the last one too) ended by `lineEnding`.
 */
const makeLeieCsv = (
  rows: readonly (readonly string[])[],
  lineEnding: '\r\n' | '\n' = '\r\n',
): string => {
  const lines = [LEIE_COLUMNS, ...rows].map((fields) =>
    fields.map(quote).join(','),
  );

  return `${lines.join(lineEnding)}${lineEnding}`;
};

/** A small seeded generator (mulberry32): same seed, same rows. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const FAMILY = [
  'ABERNATHY',
  'BRIGHTWATER',
  'CALLOWAY',
  'DUNMORE',
  'ELLSWORTH',
  'FAIRCHILD',
  'GALLOWAY',
  'HOLLOWAY',
  'IVERSEN',
  'JESSUP',
  'KINCAID',
  'LARKSPUR',
  'MERRIWEATHER',
  'NETTLETON',
  'OAKHURST',
  'PEMBERTON',
  'QUINCEY',
  'ROWANSON',
  'STILLWELL',
  'THORNBURY',
  'UPSHAW',
  'VANTERPOOL',
  'WHITLOCK',
  'YARBOROUGH',
  'DE LA VEGA',
  'SMITH-OAKLEY',
  "O'DARROW",
  'MCFENNIMORE',
];
const GIVEN = [
  'ADA',
  'BRONWEN',
  'CASPER',
  'DELPHINE',
  'EZRA',
  'FENWICK',
  'GWENDOLYN',
  'HOLLIS',
  'IMOGEN',
  'JASPER',
  'KESTREL',
  'LORCAN',
  'MARGUERITE',
  'NILES',
  'ODALYS',
  'PERPETUA',
  'QUENTIN',
  'ROSALIND',
  'SILAS',
  'TAMSIN',
];
const BUSINESS = ['PHARMACY', 'HOME HEALTH', 'MEDICAL SUPPLY', 'CLINIC'];
const STATES = ['OH', 'TX', 'CA', 'NY', 'FL', 'PA', 'GA', 'MI', 'NC', 'AZ'];
const TYPES = ['1128a1', '1128a2', '1128a3', '1128b4', '1128b7', '1128b8A'];

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const isoDay = (random: () => number, fromYear: number, toYear: number) => {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);

  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const madeUpNpi = (random: () => number): string => {
  const first9 = `1${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;

  return `${first9}${npiCheckDigit(first9)}`;
};

/**
 * `count` made-up rows, deterministic for a seed: about 1 in 10 entities,
 * 1 in 6 with an NPI, 1 in 5 without a date of birth, a few hyphenated and
 * compound family names. 80 000 rows take well under a second.
 */
const makeLeieRows = (count: number, seed = 1): string[][] => {
  const random = seededRandom(seed);
  const rows: string[][] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const family = pick(random, FAMILY);
    const exclusion = {
      npi: random() < 1 / 6 ? madeUpNpi(random) : null,
      state: pick(random, STATES),
      exclusionType: pick(random, TYPES),
      exclusionDate: isoDay(random, 1990, 2025),
    };
    rows[i] =
      random() < 0.1
        ? makeLeieRow({
            ...exclusion,
            businessName: `${family} ${pick(random, BUSINESS)} INC`,
          })
        : makeLeieRow({
            ...exclusion,
            lastName: family,
            firstName: pick(random, GIVEN),
            middleName: random() < 0.5 ? pick(random, GIVEN).slice(0, 1) : '',
            dateOfBirth: random() < 0.2 ? null : isoDay(random, 1940, 2000),
          });
  }

  return rows;
};

export type { LeiePerson };
export { makeLeieCsv, makeLeieRow, makeLeieRows, seededRandom };
