import { describe, expect, it } from 'vitest';
import { subjectSchema } from '../../../packages/core/src/domain/subject';

const subject = (dateOfBirth: string) => ({
  subjectId: 's1',
  givenName: 'Ada',
  familyName: 'Quill',
  dateOfBirth,
});

describe('subjectSchema', () => {
  it.each([
    '1988-07-41',
    '1988-13-14',
    '0000-00-00',
    '1988-02-30',
    '07/14/1988',
  ])('refuses the impossible date of birth %s', (dateOfBirth) => {
    const parsed = subjectSchema.safeParse(subject(dateOfBirth));

    expect(parsed.success).toBe(false);
  });

  it.each(['1988-07-14', '2000-02-29'])(
    'accepts the calendar date %s',
    (dateOfBirth) => {
      const parsed = subjectSchema.safeParse(subject(dateOfBirth));

      expect(parsed.success).toBe(true);
    },
  );
});

describe('subjectSchema: former family names', () => {
  it('accepts a list of former family names', () => {
    const parsed = subjectSchema.safeParse({
      ...subject('1988-07-14'),
      formerFamilyNames: ['Oakley', 'Upshaw-Reyes'],
    });

    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a string instead of a list', 'Oakley'],
    ['an empty name', ['']],
    ['a number', [42]],
  ])('refuses %s', (_case, formerFamilyNames) => {
    const parsed = subjectSchema.safeParse({
      ...subject('1988-07-14'),
      formerFamilyNames,
    });

    expect(parsed.success).toBe(false);
  });
});
