import { describe, expect, it } from 'vitest';
import { buildNppesRequest } from '../../../../packages/core/src/sources/nppes/buildNppesRequest';
import { NppesRequestError } from '../../../../packages/core/src/sources/nppes/errors';
import { makeSubject } from '../subjectFactory';

describe('buildNppesRequest', () => {
  it('looks the NPI up by number with API version 2.1', () => {
    const subject = makeSubject({ npi: '1234567893' });

    const request = buildNppesRequest(subject);

    expect(request).toEqual({
      source: 'nppes',
      url: 'https://npiregistry.cms.hhs.gov/api/?version=2.1&number=1234567893',
      method: 'GET',
      accept: ['application/json'],
    });
  });

  it('sends no name, so nothing identifying beyond the NPI is in the URL', () => {
    const subject = makeSubject();

    const { url } = buildNppesRequest(subject);

    expect(url).not.toMatch(/name|Delphine|Merriweather|1984/i);
  });

  it('refuses a subject whose NPI fails the check digit, naming only the subject id', () => {
    const subject = makeSubject({ npi: '1234567890' });

    const attempt = () => buildNppesRequest(subject);

    expect(attempt).toThrow(NppesRequestError);
    expect(attempt).toThrow(/sub_0001/);
  });

  it('refuses a subject without an NPI', () => {
    const { npi: _npi, ...withoutNpi } = makeSubject();

    const attempt = () => buildNppesRequest(withoutNpi);

    expect(attempt).toThrow(NppesRequestError);
  });
});
