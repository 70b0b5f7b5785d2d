import type { Subject } from '../../../packages/core/src/domain/subject';

/** A made-up worker; every test states only what it is about. */
const makeSubject = (overrides: Partial<Subject> = {}): Subject => ({
  subjectId: 'sub_0001',
  givenName: 'Delphine',
  middleName: 'Rose',
  familyName: 'Merriweather',
  dateOfBirth: '1984-02-29',
  npi: '1234567893',
  ...overrides,
});

export { makeSubject };
