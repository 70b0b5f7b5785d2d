import type { LookupFunction } from 'node:net';
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

export { pinnedLookup };
