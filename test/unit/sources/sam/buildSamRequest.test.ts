import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../../packages/core/src/egress/redactUrl';
import {
  buildSamRequest,
  samLookups,
} from '../../../../packages/core/src/sources/sam/buildSamRequest';
import { SamRequestError } from '../../../../packages/core/src/sources/sam/errors';
import { makeSubject } from '../subjectFactory';

const KEY = 'fake-key-0123';

describe('buildSamRequest', () => {
  it('looks an NPI up with the key as api_key', () => {
    const request = buildSamRequest(makeSubject(), 'npi', KEY);

    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(
      'https://api.sam.gov/entity-information/v4/exclusions',
    );
    expect(url.searchParams.get('api_key')).toBe(KEY);
    expect(url.searchParams.get('npi')).toBe('1234567893');
    expect(url.searchParams.get('exclusionName')).toBeNull();
    expect(request).toMatchObject({ source: 'sam', method: 'GET' });
  });

  it('looks a name up among individuals', () => {
    const request = buildSamRequest(makeSubject(), 'name', KEY);

    const url = new URL(request.url);
    expect(url.searchParams.get('exclusionName')).toBe('Delphine Merriweather');
    expect(url.searchParams.get('classification')).toBe('Individual');
    expect(url.searchParams.get('size')).toBe('10');
  });

  it('leaves neither key nor name in the redacted URL', () => {
    const request = buildSamRequest(makeSubject(), 'name', KEY);

    const logged = redactUrl(request.url);

    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain('Merriweather');
  });

  it('refuses an empty key without naming it', () => {
    const act = () => buildSamRequest(makeSubject(), 'name', ' ');

    expect(act).toThrow(SamRequestError);
  });

  it('refuses an NPI lookup for an invalid NPI', () => {
    const act = () =>
      buildSamRequest(makeSubject({ npi: '1234567890' }), 'npi', KEY);

    expect(act).toThrow(/no valid NPI/);
  });
});

describe('samLookups', () => {
  it('looks up by NPI and name when the NPI is valid', () => {
    const lookups = samLookups(makeSubject());

    expect(lookups).toEqual(['npi', 'name']);
  });

  it.each([undefined, '1234567890', '12345'])(
    'looks up by name only for NPI %s',
    (npi) => {
      const subject = makeSubject();
      if (npi === undefined) delete subject.npi;
      else subject.npi = npi;

      const lookups = samLookups(subject);

      expect(lookups).toEqual(['name']);
    },
  );
});
