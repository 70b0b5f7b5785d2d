import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ResolvedAddress,
  Resolver,
} from '../../../packages/core/src/egress/types';

/** A public address outside every special range (no connection is made). */
const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:2800:21f:cb07::1';

const NPPES_URL =
  'https://npiregistry.cms.hhs.gov/api/?version=2.1&number=1234567893';
const LEIE_URL = 'https://oig.hhs.gov/exclusions/downloadables/UPDATED.csv';

const toAddress = (address: string): ResolvedAddress => ({
  address,
  family: address.includes(':') ? 6 : 4,
});

/** A resolver that answers the given addresses for every name. */
const resolverAnswering =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map(toAddress);

/** A resolver answering per host name; other names fail like NXDOMAIN. */
const resolverFromTable =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    }

    return addresses.map(toAddress);
  };

/** A resolver that counts calls and answers `first`, then `later`. */
const countingResolver = (first: string, later: string) => {
  const calls: string[] = [];
  const resolve: Resolver = async (hostname) => {
    calls.push(hostname);

    return [toAddress(calls.length === 1 ? first : later)];
  };

  return { calls, resolve };
};

type Route = (req: IncomingMessage, res: ServerResponse) => void;

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real HTTP server on 127.0.0.1 serving the given routes by path
 * (without query); it records every request it receives.
 */
const startSource = async (routes: Record<string, Route>) => {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    hits.push({ path, headers: req.headers });
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
  };

  return { port, hits, close };
};

/** A rewrite that sends the NPPES host to the local source under /nppes. */
const nppesTo =
  (base: string) =>
  (url: URL): URL =>
    url.hostname === 'npiregistry.cms.hhs.gov'
      ? new URL(`${base}/nppes${url.pathname}${url.search}`)
      : url;

export type { Hit, Route };
export {
  countingResolver,
  LEIE_URL,
  NPPES_URL,
  nppesTo,
  PUBLIC_V4,
  PUBLIC_V6,
  resolverAnswering,
  resolverFromTable,
  startSource,
};
