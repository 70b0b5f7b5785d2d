import type { SourceId } from '../topology/sources';
import type { SourcedAllowListEntry } from './allowList';
import { activeAllowList, entryMatches } from './allowList';
import {
  classifyAddress,
  isIpLiteral,
  literalAddress,
} from './classifyAddress';
import type { EgressRule } from './errors';
import { normaliseConfiguredHost, normaliseHost } from './normaliseHost';
import { systemResolver } from './systemResolver';
import type { LocalAllowance, ResolvedAddress, Resolver } from './types';

/** What the guard decides about one URL, before any connection. */
type EgressVerdict =
  | {
      allowed: true;
      rule: 'allowed';
      /** The URL to connect to, with its host normalised. */
      url: URL;
      host: string;
      /** Every address the host resolved to; all of them were checked. */
      addresses: readonly ResolvedAddress[];
    }
  | { allowed: false; rule: EgressRule; host: string; detail?: string };

/** Inputs of `evaluateEgress`; only `localAllowance` loosens the rules. */
interface EvaluateEgressOptions {
  /** Without a source, any host on the list is accepted (operator check). */
  source?: SourceId;
  resolve?: Resolver;
  /** Not consulted for `rewrite`: the caller rewrites before evaluating. */
  localAllowance?: LocalAllowance;
  allowList?: readonly SourcedAllowListEntry[];
}

const refuse = (
  rule: EgressRule,
  host: string,
  detail?: string,
): EgressVerdict =>
  detail === undefined
    ? { allowed: false, rule, host }
    : { allowed: false, rule, host, detail };

const parseUrl = (url: string | URL): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    // The parser's error carries the input, query and all: drop it.
    return undefined;
  }
};

const checkAddresses = (
  host: string,
  addresses: readonly ResolvedAddress[],
  loopbackAllowed: boolean,
): EgressVerdict | undefined => {
  if (addresses.length === 0) {
    return refuse('resolution_failed', host, 'no addresses');
  }

  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'invalid') {
      return refuse('resolution_failed', host, 'unparsable address');
    }
    if (kind === 'refused' || (kind === 'loopback' && !loopbackAllowed)) {
      return refuse('resolved_private_address', host, address);
    }
  }

  return undefined;
};

/**
 * Applies every egress rule to a URL except the connection itself:
 * scheme, userinfo, IP literals, allow-list and source ownership, port,
 * then resolution of the name with every address checked. Never throws.
 *
 * @param url - the URL exactly as it would be requested
 * @param options - the source it is for and the resolver to use
 */
const evaluateEgress = async (
  url: string | URL,
  options: EvaluateEgressOptions = {},
): Promise<EgressVerdict> => {
  const parsed = parseUrl(url);
  if (parsed === undefined) {
    return refuse('invalid_url', '');
  }
  const host = normaliseHost(parsed.hostname);
  const allowance = options.localAllowance;
  const isLocal =
    allowance?.hosts.some((h) => normaliseConfiguredHost(h) === host) ?? false;

  const httpAllowed = isLocal && allowance?.allowHttp === true;
  if (
    parsed.protocol !== 'https:' &&
    !(parsed.protocol === 'http:' && httpAllowed)
  ) {
    return refuse('scheme_not_https', host, parsed.protocol);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse('userinfo_present', host);
  }
  const literal = isIpLiteral(host);
  if (literal && !isLocal) {
    return refuse('ip_literal', host);
  }

  if (!isLocal) {
    const entries = (options.allowList ?? activeAllowList()).filter((entry) =>
      entryMatches(entry, host),
    );
    if (entries.length === 0) {
      return refuse('host_not_allowed', host);
    }
    const own = entries.filter(
      (entry) =>
        options.source === undefined || entry.source === options.source,
    );
    if (own.length === 0) {
      return refuse('host_not_for_source', host);
    }
    // The parser empties the port when it is the scheme's default (443).
    const port = parsed.port === '' ? 443 : Number(parsed.port);
    if (!own.some((entry) => entry.port === port)) {
      return refuse('port_not_allowed', host, String(port));
    }
  }

  let addresses: readonly ResolvedAddress[];
  try {
    addresses = literal
      ? [literalAddress(host)]
      : await (options.resolve ?? systemResolver)(host);
  } catch {
    return refuse('resolution_failed', host);
  }
  const loopbackAllowed = isLocal && allowance?.allowLoopback === true;
  const addressRefusal = checkAddresses(host, addresses, loopbackAllowed);
  if (addressRefusal !== undefined) {
    return addressRefusal;
  }

  const target = new URL(parsed.href);
  target.hostname = host;

  return { allowed: true, rule: 'allowed', url: target, host, addresses };
};

export type { EgressVerdict, EvaluateEgressOptions };
export { evaluateEgress };
