import { describe, expect, it } from 'vitest';
import type { EntitySubject } from '../../../../packages/core/src/domain/entitySubject';
import type { LeiePerson } from '../../../../packages/core/src/sources/oig-leie/leieCsvFactory';
import { screenLeieEntity } from '../../../../packages/core/src/sources/oig-leie/screenLeieEntity';
import { leieIndex, listedWorker } from './factories';

const LIST_DATE = '2024-03-08';
const TODAY = '2024-03-20';

/** A made-up staffing agency; every test states only what it is about. */
const makeEntity = (overrides: Partial<EntitySubject> = {}): EntitySubject => ({
  subjectId: 'ent_0001',
  entityName: 'Lantern Hill Nurse Staffing, LLC',
  npi: '1234567893',
  ...overrides,
});

/** A listed entity row matching `makeEntity()` by name only. */
const listedEntity = (overrides: LeiePerson = {}): LeiePerson => ({
  businessName: 'LANTERN HILL NURSE STAFFING INC',
  exclusionType: '1128b7',
  exclusionDate: '2022-09-20',
  ...overrides,
});

const screen = (subject: EntitySubject, people: LeiePerson[]) =>
  screenLeieEntity(subject, leieIndex(people), {
    listDate: LIST_DATE,
    today: TODAY,
  });

describe('screenLeieEntity', () => {
  it('clears an entity that is not listed, saying what was screened', () => {
    const result = screen(makeEntity(), [
      listedEntity({ businessName: 'MAPLETON PHARMACY' }),
      listedWorker(),
    ]);

    expect(result).toEqual({
      outcome: 'clear',
      findings: [
        expect.objectContaining({
          code: 'screened',
          data: { listDate: LIST_DATE, rowCount: 2 },
        }),
      ],
    });
  });

  it('asks for review of the same name with designators and punctuation aside', () => {
    const result = screen(makeEntity({ npi: undefined }), [listedEntity()]);

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]).toMatchObject({
      code: 'possible_exclusion',
      data: { basis: 'entity_name', npiConflict: false, row: 2 },
    });
  });

  it('flags the same name when the NPI matches too', () => {
    const result = screen(makeEntity(), [listedEntity({ npi: '1234567893' })]);

    expect(result.outcome).toBe('flagged');
    expect(result.findings.map((found) => found.code)).toEqual([
      'exclusion',
      'screened',
    ]);
    expect(result.findings[0]).toMatchObject({ data: { basis: 'npi' } });
  });

  it('flags an entity row with the NPI under another name', () => {
    const result = screen(makeEntity(), [
      listedEntity({ businessName: 'SUNRISE CARE GROUP', npi: '1234567893' }),
    ]);

    expect(result.outcome).toBe('flagged');
  });

  it('asks for review, not a flag, of the same name with another NPI', () => {
    const result = screen(makeEntity(), [listedEntity({ npi: '1234567000' })]);

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]).toMatchObject({ data: { npiConflict: true } });
  });

  it('asks for review when an individual row carries the NPI', () => {
    const result = screen(makeEntity(), [listedWorker({ npi: '1234567893' })]);

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]).toMatchObject({
      data: { basis: 'individual_npi' },
    });
  });

  it('never joins on the zero NPI', () => {
    const result = screen(makeEntity({ npi: '0000000000' }), [
      listedEntity({ businessName: 'OTHER', npi: null }),
    ]);

    expect(result.outcome).toBe('clear');
  });

  it('skips a row reinstated before today', () => {
    const result = screen(makeEntity(), [
      listedEntity({ npi: '1234567893', reinstatementDate: '2024-03-01' }),
    ]);

    expect(result.outcome).toBe('clear');
  });

  it('does not match a different business', () => {
    const result = screen(makeEntity({ npi: undefined }), [
      listedEntity({ businessName: 'LANTERN HILL HOME HEALTH LLC' }),
    ]);

    expect(result.outcome).toBe('clear');
  });

  it('writes no business name into findings', () => {
    const result = screen(makeEntity(), [listedEntity()]);

    expect(JSON.stringify(result)).not.toMatch(/LANTERN/i);
  });
});
