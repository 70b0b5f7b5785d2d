import { businessNameKeys } from '../../matching/businessNameKeys';
import {
  createNameNormalizer,
  givenInitial,
} from '../../matching/normalizedName';
import type {
  LeieFamilyBucket,
  LeieIndex,
  LeieIndividual,
  LeieRecord,
} from './types';

/** A family bucket while it is being filled. */
interface OpenBucket extends LeieFamilyBucket {
  all: LeieIndividual[];
  byInitial: Map<string, LeieIndividual[]>;
  noGiven: LeieIndividual[];
}

const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
};

const addToBucket = (
  buckets: Map<string, OpenBucket>,
  key: string,
  individual: LeieIndividual,
  initial: string | null,
): void => {
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = { all: [], byInitial: new Map(), noGiven: [] };
    buckets.set(key, bucket);
  }
  bucket.all.push(individual);
  if (initial === null) {
    bucket.noGiven.push(individual);
  } else {
    push(bucket.byInitial, initial, individual);
  }
};

/**
 * Indexes a parsed list for screening:
 * - every row with an NPI under that NPI, individuals and entities;
 * - every individual (a row with a last name) under each key of
 *   `familyNameKeys`, so `SMITH-JONES` is found when looking up `SMITH`,
 *   `JONES` or `SMITHJONES`; within a key, by the first letter of the
 *   given name, with rows whose given name is absent kept apart;
 * - every row with a business name under each key of `businessNameKeys`.
 *
 * Each individual's name is normalised here, once (see `normalizeName`),
 * so screening never normalises a row again. Repeated raw name parts are
 * normalised once per build.
 */
const buildLeieIndex = (records: readonly LeieRecord[]): LeieIndex => {
  const byNpi = new Map<string, LeieRecord[]>();
  const byFamilyKey = new Map<string, OpenBucket>();
  const byBusinessName = new Map<string, LeieRecord[]>();
  const normalize = createNameNormalizer();

  for (const record of records) {
    if (record.npi !== null) {
      push(byNpi, record.npi, record);
    }
    if (record.lastName !== '') {
      const name = normalize({
        givenName: record.firstName,
        middleName: record.middleName,
        familyName: record.lastName,
      });
      const individual = { record, name };
      const initial = givenInitial(name);
      for (const key of name.familyKeys) {
        addToBucket(byFamilyKey, key, individual, initial);
      }
    }
    if (record.businessName !== '') {
      for (const key of businessNameKeys(record.businessName)) {
        push(byBusinessName, key, record);
      }
    }
  }

  return { byNpi, byFamilyKey, byBusinessName, rowCount: records.length };
};

export { buildLeieIndex };
