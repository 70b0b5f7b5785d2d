import { createHash } from 'node:crypto';

/** A fault the simulator can serve instead of a source's real answer. */
type SimulatedFault = 'http500' | 'http429' | 'timeout' | 'malformed';

/**
 * Faults the simulator applies to every route alike (the chaos run): for
 * each request, keyed by what it asks and how often it was asked, either
 * the real answer or a fault, so a retry may succeed.
 */
interface SimulatorFaults {
  /** The fault for the `attempt`-th request (1-based) with this key. */
  faultFor(route: string, key: string, attempt: number): SimulatedFault | null;
  /** How long a `timeout` holds its answer: past the client's limit. */
  timeoutDelayMs: number;
}

/** One answer as the simulator sent it, for cross-checks. */
interface ServedResponse {
  route: string;
  /** The request key (path and query, API key left out). */
  key: string;
  attempt: number;
  status: number;
  /** SHA-256 (hex) of the bytes sent. */
  sha256: string;
  /** The fault served, or null for the source's real answer. */
  fault: SimulatedFault | null;
}

/** Query parameters that are credentials, not part of what is asked. */
const SECRET_PARAMETERS = new Set(['api_key']);

/** What a request asks: its path and sorted query, credentials left out. */
const requestKey = (url: URL): string => {
  const query = [...url.searchParams.entries()]
    .filter(([name]) => !SECRET_PARAMETERS.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

  return `${url.pathname}?${query}`;
};

const NEWLINES = new Set([0x0a, 0x0d]);

/**
 * A prefix of the body that no parser may take for a whole answer: cut
 * between a third and two thirds in, never right after a line end (a CSV
 * cut there would still read as a shorter complete file).
 */
const truncateBody = (bytes: Uint8Array, draw: number): Uint8Array => {
  let cut = Math.floor(bytes.byteLength * (1 / 3 + draw / 3));
  while (cut > 1 && NEWLINES.has(bytes[cut - 1] ?? 0)) cut -= 1;

  return bytes.subarray(0, Math.max(1, cut));
};

const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export type { ServedResponse, SimulatedFault, SimulatorFaults };
export { requestKey, sha256Hex, truncateBody };
