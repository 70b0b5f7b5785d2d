import { describe, expect, it } from 'vitest';
import {
  ContractError,
  describeFailure,
  NotFoundError,
} from '../../../packages/core/src';

describe('describeFailure', () => {
  it("keeps the name and message of core's own errors", () => {
    const error = new NotFoundError('No check with this id', {
      context: { check_id: 'chk-1' },
    });

    const described = describeFailure(error);

    expect(described).toEqual({
      name: 'NotFoundError',
      message: 'No check with this id',
    });
  });

  it('drops quoted values from messages core did not write', () => {
    const error = new Error(
      'invalid input syntax for type date: "1980-02-03" in row \'Quill\'',
    );

    const { message } = describeFailure(error);

    expect(message).not.toContain('1980');
    expect(message).not.toContain('Quill');
    expect(message).toContain('invalid input syntax for type date');
  });

  it('masks dates, SSNs, emails and long numbers even in our errors', () => {
    const error = new ContractError(
      'ada@workers.example born 03/02/1980 ssn 123-45-6789 lic 1234567893',
    );

    const { message } = describeFailure(error);

    expect(message).toBe(
      '[redacted] born [redacted] ssn [redacted] lic [redacted]',
    );
  });

  it('cuts a long message to 500 characters', () => {
    const error = new ContractError('x '.repeat(600));

    const { message } = describeFailure(error);

    expect(message).toHaveLength(500);
  });

  it('describes a thrown non-Error by its type only', () => {
    const described = describeFailure({ dateOfBirth: '1980-02-03' });

    expect(described).toEqual({
      name: 'NonError',
      message: 'A object was thrown',
    });
  });
});
