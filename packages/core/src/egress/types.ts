import type { SourceId } from '../topology/sources';

/** One request through the egress guard. */
interface EgressRequest {
  /** The source on whose behalf the call is made (limits are per source). */
  source: SourceId;
  url: string;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** Content types the caller can parse (`application/json`, `text/csv`). */
  accept?: readonly string[];
}

/** A response whose body has been read completely, within the limits. */
interface EgressResponse {
  status: number;
  headers: Record<string, string>;
  /** The exact bytes the source sent (what the receipt archives). */
  body: Uint8Array;
  /** The final URL after any redirects. */
  url: string;
  /** Content type without parameters, lower case, or '' when absent. */
  contentType: string;
}

/** The only way core code may reach the network. */
interface EgressClient {
  fetch(request: EgressRequest): Promise<EgressResponse>;
}

/** One address a host name resolved to. */
interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (like `lookup` with `all`). */
type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Size and time bounds of one call (all redirect hops together). */
interface EgressLimits {
  /** Largest body accepted, in bytes; the read aborts past it. */
  maxBytes: number;
  /** Total time for resolution, headers and body, in milliseconds. */
  timeoutMs: number;
}

/**
 * Loosening for tests and the local run only; refused on production stages.
 *
 * `hosts` are reachable for every source, on any port; `allowHttp` lets
 * them use plain http and `allowLoopback` lets them resolve to loopback.
 * `rewrite` maps each production URL (and each redirect hop) onto the
 * simulator before the checks, so adapters keep building real URLs.
 */
interface LocalAllowance {
  hosts: readonly string[];
  allowHttp?: boolean;
  allowLoopback?: boolean;
  rewrite?: (url: URL) => URL;
}

export type {
  EgressClient,
  EgressLimits,
  EgressRequest,
  EgressResponse,
  LocalAllowance,
  ResolvedAddress,
  Resolver,
};
