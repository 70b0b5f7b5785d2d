import { describe, expect, it } from 'vitest';
import type { SourcedAllowListEntry } from '../../../packages/core/src/egress/allowList';
import { evaluateEgress } from '../../../packages/core/src/egress/evaluateEgress';
import {
  LEIE_URL,
  NPPES_URL,
  PUBLIC_V4,
  PUBLIC_V6,
  resolverAnswering,
} from './egressFixtures';

const publicResolver = resolverAnswering(PUBLIC_V4, PUBLIC_V6);

const entry = (
  host: string,
  includeSubdomains: boolean,
): SourcedAllowListEntry => ({
  host,
  port: 443,
  includeSubdomains,
  source: 'nppes',
});

describe('evaluateEgress', () => {
  it('allows the NPPES API URL with its query for nppes', async () => {
    const verdict = await evaluateEgress(NPPES_URL, {
      source: 'nppes',
      resolve: publicResolver,
    });

    expect(verdict).toMatchObject({ allowed: true, rule: 'allowed' });
  });

  it('allows the LEIE UPDATED.csv URL for oig-leie', async () => {
    const verdict = await evaluateEgress(LEIE_URL, {
      source: 'oig-leie',
      resolve: publicResolver,
    });

    expect(verdict).toMatchObject({ allowed: true, host: 'oig.hhs.gov' });
  });

  it('allows the Nursys lookup poll URL for nursys only', async () => {
    const url =
      'https://api.nursys.com/api/nurselookup?transactionId=NT-00000001';

    const forNursys = await evaluateEgress(url, {
      source: 'nursys',
      resolve: publicResolver,
    });
    const forSam = await evaluateEgress(url, {
      source: 'sam',
      resolve: publicResolver,
    });

    expect(forNursys).toMatchObject({ allowed: true, host: 'api.nursys.com' });
    expect(forSam).toMatchObject({ allowed: false });
  });

  it('allows the Kansas board search for board-ks and for no other source', async () => {
    const url =
      'https://ksbn.kansas.gov/api/registrant/search?keyword=RN507918&skip=0&take=10';

    const board = await evaluateEgress(url, {
      source: 'board-ks',
      resolve: publicResolver,
    });
    const sam = await evaluateEgress(url, {
      source: 'sam',
      resolve: publicResolver,
    });

    expect(board).toMatchObject({ allowed: true, host: 'ksbn.kansas.gov' });
    expect(sam.allowed).toBe(false);
  });

  it('allows any listed host when no source is named', async () => {
    const verdict = await evaluateEgress(LEIE_URL, { resolve: publicResolver });

    expect(verdict.allowed).toBe(true);
  });

  it('returns every checked address for the connection to use', async () => {
    const verdict = await evaluateEgress(NPPES_URL, {
      source: 'nppes',
      resolve: publicResolver,
    });

    expect(verdict.allowed && verdict.addresses).toEqual([
      { address: PUBLIC_V4, family: 4 },
      { address: PUBLIC_V6, family: 6 },
    ]);
  });

  it.each([
    ['mixed case and a trailing dot', 'https://NPIRegistry.CMS.hhs.GOV./api/'],
    ['an explicit port 443', 'https://npiregistry.cms.hhs.gov:443/api/'],
    [
      'full-width letters',
      'https://\uff4e\uff50\uff49registry.cms.hhs.gov/api/',
    ],
    [
      'ideographic full stops',
      'https://npiregistry\u3002cms\u3002hhs\u3002gov/api/',
    ],
  ])('normalises %s to the listed host', async (_name, url) => {
    const verdict = await evaluateEgress(url, {
      source: 'nppes',
      resolve: publicResolver,
    });

    expect(verdict.allowed && verdict.url.host).toBe('npiregistry.cms.hhs.gov');
  });

  it('resolves the normalised name, not the raw one', async () => {
    const asked: string[] = [];

    await evaluateEgress('https://NPIREGISTRY.cms.hhs.gov./api/', {
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: PUBLIC_V4, family: 4 }];
      },
    });

    expect(asked).toEqual(['npiregistry.cms.hhs.gov']);
  });

  it('does not resolve a host that fails an earlier rule', async () => {
    const asked: string[] = [];

    await evaluateEgress('https://evil.example/', {
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: PUBLIC_V4, family: 4 }];
      },
    });

    expect(asked).toEqual([]);
  });

  it('widens an entry to subdomains only when it says so', async () => {
    const url = 'https://a.b.example.org/';

    const exact = await evaluateEgress(url, {
      resolve: publicResolver,
      allowList: [entry('b.example.org', false)],
    });
    const wide = await evaluateEgress(url, {
      resolve: publicResolver,
      allowList: [entry('b.example.org', true)],
    });

    expect([exact.rule, wide.rule]).toEqual(['host_not_allowed', 'allowed']);
  });

  it('does not let a subdomain entry match a look-alike suffix', async () => {
    const verdict = await evaluateEgress('https://evilb.example.org/', {
      resolve: publicResolver,
      allowList: [entry('b.example.org', true)],
    });

    expect(verdict.rule).toBe('host_not_allowed');
  });
});

describe('evaluateEgress with a local allowance', () => {
  const allowance = {
    hosts: ['127.0.0.1', 'rovn-sim.invalid'],
    allowHttp: true,
    allowLoopback: true,
  };

  it('allows an allowance host over http on any port', async () => {
    const verdict = await evaluateEgress('http://127.0.0.1:4567/nppes/api/', {
      source: 'nppes',
      localAllowance: allowance,
    });

    expect(verdict).toMatchObject({ allowed: true, host: '127.0.0.1' });
  });

  it('refuses loopback for an allowance host without allowLoopback', async () => {
    const verdict = await evaluateEgress('http://rovn-sim.invalid:4567/', {
      resolve: resolverAnswering('127.0.0.1'),
      localAllowance: { hosts: ['rovn-sim.invalid'], allowHttp: true },
    });

    expect(verdict.rule).toBe('resolved_private_address');
  });

  it('still refuses private addresses for an allowance host', async () => {
    const verdict = await evaluateEgress('http://rovn-sim.invalid:4567/', {
      resolve: resolverAnswering('10.0.0.7'),
      localAllowance: allowance,
    });

    expect(verdict.rule).toBe('resolved_private_address');
  });

  it('keeps https and loopback rules for production hosts', async () => {
    const overHttp = await evaluateEgress('http://npiregistry.cms.hhs.gov/', {
      resolve: publicResolver,
      localAllowance: allowance,
    });
    const toLoopback = await evaluateEgress(NPPES_URL, {
      resolve: resolverAnswering('127.0.0.1'),
      localAllowance: allowance,
    });

    expect([overHttp.rule, toLoopback.rule]).toEqual([
      'scheme_not_https',
      'resolved_private_address',
    ]);
  });

  it('refuses an IP literal that is not an allowance host', async () => {
    const verdict = await evaluateEgress('https://127.0.0.2/', {
      localAllowance: allowance,
    });

    expect(verdict.rule).toBe('ip_literal');
  });
});
