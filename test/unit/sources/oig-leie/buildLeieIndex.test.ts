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

  it('counts every row, entities included', () => {
    const index = leieIndex([listedWorker(), { businessName: 'ACME' }]);

    const count = index.rowCount;

    expect(count).toBe(2);
  });
});
