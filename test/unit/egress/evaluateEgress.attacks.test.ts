import { describe, expect, it } from 'vitest';
import type { EgressRule } from '../../../packages/core/src/egress/errors';
import { evaluateEgress } from '../../../packages/core/src/egress/evaluateEgress';
import type { SourceId } from '../../../packages/core/src/topology/sources';
import {
  LEIE_URL,
  NPPES_URL,
  PUBLIC_V4,
  resolverAnswering,
} from './egressFixtures';

interface Attack {
  name: string;
  url: string;
  rule: EgressRule;
  source?: SourceId;
  /** What the resolver answers; a public address when absent. */
  answers?: string[];
}

const NPPES_API = 'https://npiregistry.cms.hhs.gov/api/?version=2.1';

/** Names that resolve to somewhere the guard must never connect to. */
const resolvingTo = (name: string, ...answers: string[]): Attack => ({
  name: `a name resolving to ${name}`,
  url: NPPES_API,
  source: 'nppes',
  answers,
  rule: 'resolved_private_address',
});

const ATTACKS: Attack[] = [
  // IP literals in every spelling the URL parser accepts.
  { name: 'dotted loopback', url: 'https://127.0.0.1/', rule: 'ip_literal' },
  { name: 'decimal loopback', url: 'https://2130706433/', rule: 'ip_literal' },
  { name: 'octal loopback', url: 'https://0177.0.0.1/', rule: 'ip_literal' },
  { name: 'hex short loopback', url: 'https://0x7f.1/', rule: 'ip_literal' },
  { name: 'short loopback', url: 'https://127.1/', rule: 'ip_literal' },
  { name: 'hex loopback', url: 'https://0x7f000001/', rule: 'ip_literal' },
  {
    name: 'percent-encoded loopback',
    url: 'https://%31%32%37.0.0.1/',
    rule: 'ip_literal',
  },
  { name: 'IPv6 loopback', url: 'https://[::1]/', rule: 'ip_literal' },
  {
    name: 'IPv4-mapped dotted',
    url: 'https://[::ffff:127.0.0.1]/',
    rule: 'ip_literal',
  },
  {
    name: 'IPv4-mapped hex',
    url: 'https://[::ffff:7f00:1]/',
    rule: 'ip_literal',
  },
  {
    name: 'IPv4-mapped long form',
    url: 'https://[0:0:0:0:0:ffff:7f00:1]/',
    rule: 'ip_literal',
  },
  {
    name: 'cloud metadata address',
    url: 'https://169.254.169.254/latest/meta-data/',
    rule: 'ip_literal',
  },
  { name: 'zero host', url: 'https://0/', rule: 'ip_literal' },
  { name: 'IPv6 unspecified', url: 'https://[::]/', rule: 'ip_literal' },
  { name: 'octal private', url: 'https://0300.0250.0.1/', rule: 'ip_literal' },
  { name: 'public IPv4', url: `https://${PUBLIC_V4}/`, rule: 'ip_literal' },
  {
    name: 'public IPv6',
    url: 'https://[2606:2800:21f:cb07::1]/',
    rule: 'ip_literal',
  },
  // Userinfo and parser confusion.
  {
    name: 'allowed host as userinfo',
    url: 'https://npiregistry.cms.hhs.gov@evil.example/',
    rule: 'userinfo_present',
  },
  {
    name: 'user and password',
    url: 'https://user:pass@npiregistry.cms.hhs.gov/api/',
    rule: 'userinfo_present',
  },
  {
    name: 'password only',
    url: 'https://:secret@npiregistry.cms.hhs.gov/api/',
    rule: 'userinfo_present',
  },
  {
    name: 'allowed host in the fragment',
    url: 'https://evil.example#@npiregistry.cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'backslash before the allowed host',
    url: 'https://evil.example\\@npiregistry.cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'slash-backslash authority',
    url: 'https:/\\evil.example/',
    rule: 'host_not_allowed',
  },
  // Look-alike names.
  {
    name: 'allowed host as a prefix',
    url: 'https://npiregistry.cms.hhs.gov.evil.example/',
    rule: 'host_not_allowed',
  },
  {
    name: 'encoded dot joining an evil suffix',
    url: 'https://npiregistry.cms.hhs.gov%2eevil.example/',
    rule: 'host_not_allowed',
  },
  {
    name: 'mixed-case look-alike with trailing dot',
    url: 'https://NPIRegistry.CMS.HHS.GOV.Evil.Example./',
    rule: 'host_not_allowed',
  },
  {
    name: 'Cyrillic i in the allowed name',
    url: 'https://np\u0456registry.cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'Cyrillic o in the LEIE host',
    url: 'https://\u043eig.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'two trailing dots',
    url: 'https://npiregistry.cms.hhs.gov../',
    rule: 'host_not_allowed',
  },
  {
    name: 'allowed name with a prefix glued on',
    url: 'https://evilnpiregistry.cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'subdomain of an exact entry',
    url: 'https://api.npiregistry.cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'parent of an entry',
    url: 'https://cms.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'www in front of the LEIE host',
    url: 'https://www.oig.hhs.gov/',
    rule: 'host_not_allowed',
  },
  {
    name: 'wildcard DNS name for loopback',
    url: 'https://127.0.0.1.nip.io/',
    rule: 'host_not_allowed',
  },
  // Schemes.
  {
    name: 'plain http',
    url: 'http://npiregistry.cms.hhs.gov/api/',
    rule: 'scheme_not_https',
  },
  {
    name: 'upper-case http',
    url: 'HTTP://NPIREGISTRY.CMS.HHS.GOV/api/',
    rule: 'scheme_not_https',
  },
  { name: 'file', url: 'file:///etc/passwd', rule: 'scheme_not_https' },
  {
    name: 'ftp',
    url: 'ftp://oig.hhs.gov/exclusions/',
    rule: 'scheme_not_https',
  },
  { name: 'data', url: 'data:text/plain,hello', rule: 'scheme_not_https' },
  {
    name: 'websocket',
    url: 'wss://npiregistry.cms.hhs.gov/',
    rule: 'scheme_not_https',
  },
  // Ports.
  {
    name: 'port 8443',
    url: 'https://npiregistry.cms.hhs.gov:8443/api/',
    rule: 'port_not_allowed',
  },
  {
    name: 'port 80 over https',
    url: 'https://npiregistry.cms.hhs.gov:80/api/',
    rule: 'port_not_allowed',
  },
  {
    name: 'port 444 on the LEIE host',
    url: 'https://oig.hhs.gov:444/',
    rule: 'port_not_allowed',
  },
  // Source ownership.
  {
    name: 'NPPES reaching the LEIE host',
    url: LEIE_URL,
    source: 'nppes',
    rule: 'host_not_for_source',
  },
  {
    name: 'LEIE reaching the NPPES host',
    url: NPPES_URL,
    source: 'oig-leie',
    rule: 'host_not_for_source',
  },
  // Unparsable input.
  { name: 'not a URL', url: 'not a url', rule: 'invalid_url' },
  { name: 'five-part IPv4', url: 'https://1.2.3.4.5/', rule: 'invalid_url' },
  // What the name resolves to.
  resolvingTo('loopback', '127.0.0.1'),
  resolvingTo('the metadata service', '169.254.169.254'),
  resolvingTo('a private address after a public one', PUBLIC_V4, '10.0.0.5'),
  resolvingTo('CGNAT space', '100.64.0.1'),
  resolvingTo('0.0.0.0', '0.0.0.0'),
  resolvingTo('an IPv6 unique-local address', 'fd00::1'),
  resolvingTo('IPv4 multicast', '224.0.0.1'),
  resolvingTo('IPv6 multicast', 'ff02::1'),
  resolvingTo('IPv4-mapped private', '::ffff:10.0.0.1'),
  resolvingTo('IPv4-mapped loopback', '::ffff:127.0.0.1'),
  resolvingTo('IPv6 link-local', 'fe80::1'),
  resolvingTo('IPv6 loopback', '::1'),
  resolvingTo('192.168/16', '192.168.1.10'),
  resolvingTo('172.16/12', '172.16.0.1'),
  resolvingTo('broadcast', '255.255.255.255'),
  resolvingTo('NAT64 of a private address', '64:ff9b::a00:1'),
  resolvingTo('6to4 of loopback', '2002:7f00:1::'),
  resolvingTo('IPv4-compatible loopback', '::7f00:1'),
  resolvingTo('benchmarking space', '198.18.0.1'),
  resolvingTo('class E', '240.0.0.1'),
  {
    name: 'a resolver answering nothing',
    url: NPPES_API,
    source: 'nppes',
    answers: [],
    rule: 'resolution_failed',
  },
  {
    name: 'a resolver answering garbage',
    url: NPPES_API,
    source: 'nppes',
    answers: ['not-an-address'],
    rule: 'resolution_failed',
  },
];

describe('evaluateEgress attack corpus', () => {
  it('holds at least 40 attacks', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ATTACKS)('refuses $name by rule $rule', async (attack) => {
    const resolve = resolverAnswering(...(attack.answers ?? [PUBLIC_V4]));

    const verdict = await evaluateEgress(attack.url, {
      resolve,
      ...(attack.source === undefined ? {} : { source: attack.source }),
    });

    expect(verdict).toMatchObject({ allowed: false, rule: attack.rule });
  });

  it('refuses a name whose resolution fails', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };

    const verdict = await evaluateEgress(NPPES_API, { resolve });

    expect(verdict).toMatchObject({
      allowed: false,
      rule: 'resolution_failed',
    });
  });
});
