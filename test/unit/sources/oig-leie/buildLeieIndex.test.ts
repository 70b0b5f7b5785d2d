import { describe, expect, it } from 'vitest';
import { leieIndex, listedWorker } from './factories';

describe('buildLeieIndex', () => {
  it('indexes rows by NPI, leaving out rows without one', () => {
    const index = leieIndex([
      listedWorker({ npi: '1234567893' }),
      listedWorker({ npi: null }),
    ]);

    const keys = [...index.byNpi.keys()];

    expect(keys).toEqual(['1234567893']);
  });

  it('indexes a hyphenated family name under each part and the whole', () => {
    const index = leieIndex([listedWorker({ lastName: 'SMITH-OAKLEY' })]);

    const keys = [...index.byFamilyKey.keys()];

    expect(keys).toEqual(['SMITHOAKLEY', 'SMITH', 'OAKLEY']);
  });

  it('leaves entities out of the name index', () => {
    const index = leieIndex([{ businessName: 'MERRIWEATHER PHARMACY' }]);

    const size = index.byFamilyKey.size;

    expect(size).toBe(0);
  });

  it('splits a family key by given initial, keeping rows without one apart', () => {
    const index = leieIndex([
      listedWorker({ firstName: 'DELPHINE' }),
      listedWorker({ firstName: 'D' }),
      listedWorker({ firstName: 'SILAS' }),
      listedWorker({ firstName: '--' }),
    ]);

    const bucket = index.byFamilyKey.get('MERRIWEATHER');

    expect(bucket?.all).toHaveLength(4);
    expect([...(bucket?.byInitial.keys() ?? [])]).toEqual(['D', 'S']);
    expect(bucket?.byInitial.get('D')).toHaveLength(2);
    expect(bucket?.noGiven.map((row) => row.record.row)).toEqual([5]);
  });

  it('keeps each individual with its name normalised once', () => {
    const index = leieIndex([
      listedWorker({ lastName: "O'DARROW-NUÑEZ", firstName: 'Zoë' }),
    ]);

    const name = index.byFamilyKey.get('NUNEZ')?.all[0]?.name;

    expect(name).toMatchObject({
      familyKeys: ['ODARROWNUNEZ', 'ODARROW', 'NUNEZ'],
      given: { whole: 'ZOE' },
      middle: { whole: 'R' },
    });
  });

  it('indexes business names by their keys', () => {
    const index = leieIndex([
      { businessName: 'Merriweather Pharmacy, L.L.C.' },
    ]);

    const keys = [...index.byBusinessName.keys()];

    expect(keys).toEqual(['MERRIWEATHERPHARMACY']);
  });

  it('counts every row, entities included', () => {
    const index = leieIndex([listedWorker(), { businessName: 'ACME' }]);

    const count = index.rowCount;

    expect(count).toBe(2);
  });
});
