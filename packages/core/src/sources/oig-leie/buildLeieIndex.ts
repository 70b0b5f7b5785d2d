import { familyNameKeys } from '../../matching/familyNameKeys';
import type { LeieIndex, LeieRecord } from './types';

const push = (
  map: Map<string, LeieRecord[]>,
  key: string,
  record: LeieRecord,
): void => {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [record]);
  } else {
    list.push(record);
  }
};

/**
 * Indexes a parsed list for screening: every row with an NPI under that
 * NPI, and every individual (a row with a last name) under each key of
 * `familyNameKeys`, so `SMITH-JONES` is found when looking up `SMITH`,
 * `JONES` or `SMITHJONES`. Entities are left out of the name index:
 * screening individuals never matches them by name.
 */
const buildLeieIndex = (records: readonly LeieRecord[]): LeieIndex => {
  const byNpi = new Map<string, LeieRecord[]>();
  const byFamilyKey = new Map<string, LeieRecord[]>();

  for (const record of records) {
    if (record.npi !== null) {
      push(byNpi, record.npi, record);
    }
    if (record.lastName !== '') {
      for (const key of familyNameKeys(record.lastName)) {
        push(byFamilyKey, key, record);
      }
    }
  }

  return { byNpi, byFamilyKey, rowCount: records.length };
};

export { buildLeieIndex };
