import { describe, expect, it } from 'vitest';
import { simulatorRewrite } from '../../../packages/local/src/simulator/simulatorRewrite';

const rewrite = simulatorRewrite('http://127.0.0.1:4100');

describe('simulatorRewrite', () => {
  it('maps the NPPES API onto the simulator and keeps the query', () => {
    const url = new URL(
      'https://npiregistry.cms.hhs.gov/api/?version=2.1&number=1234567893',
    );

    const mapped = rewrite(url);

    expect(mapped.href).toBe(
      'http://127.0.0.1:4100/nppes/api/?version=2.1&number=1234567893',
    );
  });

  it('maps the LEIE full file onto the simulator', () => {
    const url = new URL(
      'https://oig.hhs.gov/exclusions/downloadables/UPDATED.csv',
    );

    const mapped = rewrite(url);

    expect(mapped.href).toBe(
      'http://127.0.0.1:4100/oig-leie/exclusions/downloadables/UPDATED.csv',
    );
  });

  it('maps the Nursys e-Notify API onto the simulator', () => {
    const url = new URL(
      'https://api.nursys.com/api/nurselookup?transactionId=NT-1',
    );

    const mapped = rewrite(url);

    expect(mapped.href).toBe(
      'http://127.0.0.1:4100/nursys/api/nurselookup?transactionId=NT-1',
    );
  });

  it('keeps a base path of the simulator', () => {
    const url = new URL('https://npiregistry.cms.hhs.gov/api/?number=1');

    const mapped = simulatorRewrite('http://127.0.0.1:4100/sim/')(url);

    expect(mapped.href).toBe('http://127.0.0.1:4100/sim/nppes/api/?number=1');
  });

  it.each([
    ['another host', 'https://npiregistry.cms.hhs.gov.evil.example/api/'],
    ['plain http', 'http://npiregistry.cms.hhs.gov/api/'],
    ['another port', 'https://npiregistry.cms.hhs.gov:8443/api/'],
    ['credentials', 'https://user:pw@npiregistry.cms.hhs.gov/api/'],
    ['a path off the API', 'https://npiregistry.cms.hhs.gov/apix'],
    [
      'a LEIE supplement',
      'https://oig.hhs.gov/exclusions/downloadables/2411EXCL.csv',
    ],
  ])('leaves a URL with %s unchanged', (_, href) => {
    const url = new URL(href);

    const mapped = rewrite(url);

    expect(mapped.href).toBe(url.href);
    expect(mapped).not.toBe(url);
  });
});
