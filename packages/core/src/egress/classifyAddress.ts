import ipaddr from 'ipaddr.js';

/** Where an address points, as far as the guard cares. */
type AddressClass = 'public' | 'loopback' | 'refused' | 'invalid';

// Global unicast space; anything else in IPv6 (IPv4-compatible ::a.b.c.d,
// unassigned blocks) is refused even when ipaddr.js calls it unicast.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Classifies a resolved address. Only plain public unicast is `public`;
 * IPv4-mapped IPv6 is judged by the IPv4 address it carries, and every
 * special range (private, link-local, CGNAT, NAT64, 6to4, Teredo, ...) is
 * `refused`.
 */
const classifyAddress = (address: string): AddressClass => {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }

  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      parsed = v6.toIPv4Address();
    }
  }
  const range = parsed.range();

  if (range === 'loopback') {
    return 'loopback';
  }
  if (range !== 'unicast') {
    return 'refused';
  }
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) {
    return 'refused';
  }

  return 'public';
};

/** Tells whether a host name (as the URL parser gives it) is an IP literal. */
const isIpLiteral = (hostname: string): boolean =>
  hostname.startsWith('[') || ipaddr.isValid(hostname);

/** The address inside an IP-literal host name, with its family. */
const literalAddress = (
  hostname: string,
): { address: string; family: 4 | 6 } => {
  const address = hostname.replace(/^\[(.*)\]$/, '$1');

  return { address, family: ipaddr.IPv6.isValid(address) ? 6 : 4 };
};

export type { AddressClass };

/**
 * The family of an address written in canonical form (dotted-quad IPv4 or
 * IPv6), or `undefined` for anything else, shorthand IPv4 forms included.
 */
const ipFamily = (address: string): 4 | 6 | undefined => {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return 4;
  }

  return ipaddr.IPv6.isValid(address) ? 6 : undefined;
};

export { classifyAddress, ipFamily, isIpLiteral, literalAddress };
