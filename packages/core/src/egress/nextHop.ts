import { egressErrorFor } from './errors';

/** One request of a call; a redirect produces the next one. */
interface Hop {
  url: string;
  method: 'GET' | 'POST' | 'HEAD';
  headers: Record<string, string>;
  body: string | undefined;
}

/** Statuses whose `Location` the guard follows (after re-checking it). */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([
  301, 302, 303, 307, 308,
]);

// Headers still sent after a redirect to another origin; credentials and
// anything else the caller set are not.
const CROSS_ORIGIN_HEADERS = new Set([
  'accept',
  'accept-language',
  'user-agent',
]);

/**
 * Builds the hop a redirect points to: `Location` resolved against the
 * current URL, POST turned into GET where browsers do (303, and 301/302),
 * and caller headers dropped when the origin changes. The new hop is not
 * trusted: the caller evaluates it like a first request.
 */
const nextHop = (hop: Hop, location: string, status: number): Hop => {
  const current = new URL(hop.url);
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw egressErrorFor({ rule: 'invalid_url', host: current.hostname });
  }

  const toGet = status === 303 || (hop.method === 'POST' && status <= 302);
  const headers =
    next.origin === current.origin
      ? hop.headers
      : Object.fromEntries(
          Object.entries(hop.headers).filter(([name]) =>
            CROSS_ORIGIN_HEADERS.has(name.toLowerCase()),
          ),
        );

  return {
    url: next.href,
    method: toGet ? 'GET' : hop.method,
    headers,
    body: toGet ? undefined : hop.body,
  };
};

export type { Hop };
export { nextHop, REDIRECT_STATUSES };
