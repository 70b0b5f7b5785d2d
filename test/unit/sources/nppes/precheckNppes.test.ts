import { describe, expect, it } from 'vitest';
import { precheckNppes } from '../../../../packages/core/src/sources/nppes/precheckNppes';
import { makeSubject } from '../subjectFactory';

describe('precheckNppes', () => {
  it('lets a valid NPI through to the registry', () => {
    const subject = makeSubject({ npi: '1234567893' });

    const result = precheckNppes(subject);

    expect(result).toBeNull();
  });

  it('lets an NPI with check digit 0 through', () => {
    const subject = makeSubject({ npi: '1234567000' });

    const result = precheckNppes(subject);

    expect(result).toBeNull();
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('returns npi_missing when the NPI is %s', (_state, npi) => {
    const subject = makeSubject({ npi });

    const result = precheckNppes(subject);

    expect(result).toEqual({
      outcome: 'invalid_input',
      findings: [expect.objectContaining({ code: 'npi_missing' })],
    });
  });

  it.each([
    ['check_digit', '1234567890'],
    ['not_ten_digits', '123456789'],
    ['not_ten_digits', '12345-6789'],
  ])('returns npi_check_digit (%s) for %s', (problem, npi) => {
    const subject = makeSubject({ npi });

    const result = precheckNppes(subject);

    expect(result).toEqual({
      outcome: 'invalid_input',
      findings: [
        expect.objectContaining({ code: 'npi_check_digit', data: { problem } }),
      ],
    });
  });
});
