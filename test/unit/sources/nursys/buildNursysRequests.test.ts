import { describe, expect, it } from 'vitest';
import {
  buildNotificationLookupSubmit,
  buildNurseLookupSubmit,
  buildNursysPoll,
} from '../../../../packages/core/src/sources/nursys/buildNursysRequests';
import { NursysRequestError } from '../../../../packages/core/src/sources/nursys/errors';
import { nurseSubject } from './factories';

const CREDENTIALS = { username: 'inst-user', password: 'inst-pass' };
const LICENSE = {
  jurisdiction: 'KS',
  licenseNumber: 'RN004217',
  licenseType: 'RN' as const,
};

describe('buildNurseLookupSubmit', () => {
  it('posts the license and name, credentials in headers only', () => {
    const request = buildNurseLookupSubmit(
      nurseSubject(),
      LICENSE,
      'chk-1',
      CREDENTIALS,
    );

    expect(request).toMatchObject({
      source: 'nursys',
      method: 'POST',
      url: 'https://api.nursys.com/api/nurselookup',
      headers: {
        username: 'inst-user',
        password: 'inst-pass',
        'content-type': 'application/json',
      },
    });
    expect(JSON.parse(request.body ?? '')).toEqual({
      NurseLookupRequests: [
        {
          RecordId: 'chk-1',
          JurisdictionAbbreviation: 'KS',
          LicenseNumber: 'RN004217',
          LicenseType: 'RN',
          FirstName: 'Delphine',
          LastName: 'Merriweather',
        },
      ],
    });
    expect(request.url + (request.body ?? '')).not.toContain('inst-pass');
  });

  it('refuses empty credentials without naming them', () => {
    const build = () =>
      buildNurseLookupSubmit(nurseSubject(), LICENSE, 'chk-1', {
        username: 'inst-user',
        password: ' ',
      });

    expect(build).toThrow(NursysRequestError);
  });
});

describe('buildNursysPoll', () => {
  it('asks for the transaction by id with a GET', () => {
    const request = buildNursysPoll('nurselookup', 'NT 1/2', CREDENTIALS);

    expect(request).toMatchObject({
      method: 'GET',
      url: 'https://api.nursys.com/api/nurselookup?transactionId=NT+1%2F2',
      headers: { username: 'inst-user', password: 'inst-pass' },
    });
    expect(request.body).toBeUndefined();
  });

  it('refuses an empty transaction id', () => {
    expect(() => buildNursysPoll('nurselookup', ' ', CREDENTIALS)).toThrow(
      NursysRequestError,
    );
  });
});

describe('buildNotificationLookupSubmit', () => {
  it('posts the window as ISO timestamps', () => {
    const request = buildNotificationLookupSubmit(
      {
        start: new Date('2025-01-14T05:00:00Z'),
        end: new Date('2025-01-15T05:00:00Z'),
      },
      CREDENTIALS,
    );

    expect(request.url).toBe('https://api.nursys.com/api/notificationlookup');
    expect(JSON.parse(request.body ?? '')).toEqual({
      StartDate: '2025-01-14T05:00:00.000Z',
      EndDate: '2025-01-15T05:00:00.000Z',
    });
  });
});
