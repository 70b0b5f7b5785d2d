import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { ResolvedAddress } from './types';

/**
 * A lookup that answers only the addresses the guard already checked, so a
 * DNS answer that changes between the check and the connection (rebinding)
 * is never used. Any other name is an error, not a fallback to DNS.
 */
const pinnedLookup =
  (host: string, addresses: readonly ResolvedAddress[]): LookupFunction =>
  (hostname, options, callback) => {
    const first = addresses[0];
    if (hostname.toLowerCase() !== host || first === undefined) {
      callback(
        Object.assign(new Error(`Pinned lookup refused for ${hostname}`), {
          code: 'ENOTFOUND',
        }),
        '',
      );
      return;
    }

    if (options.all === true) {
      callback(
        null,
        addresses.map(({ address, family }) => ({ address, family })),
      );
      return;
    }
    callback(null, first.address, first.family);
  };

/**
 * An undici dispatcher for one hop, whose connections go only to the
 * checked addresses. TLS still uses the host name for SNI and certificate
 * validation because undici hands the name, not the address, to `connect`.
 * HTTP/2 is off so one connection serves one origin.
 */
const createPinnedAgent = (
  host: string,
  addresses: readonly ResolvedAddress[],
): Agent =>
  new Agent({
    allowH2: false,
    connect: { lookup: pinnedLookup(host, addresses) },
  });

export { createPinnedAgent, pinnedLookup };
