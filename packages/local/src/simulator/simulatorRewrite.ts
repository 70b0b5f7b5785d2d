import { BOARDS } from '../../../core/src/sources/board-saas/boards';

/** One production endpoint and the simulator path it maps to. */
interface Route {
  host: string;
  from: string;
  to: string;
}

/**
 * Production endpoints and the simulator path each one maps to; each
 * board's search maps under its source id.
 */
const ROUTES: readonly Route[] = [
  { host: 'npiregistry.cms.hhs.gov', from: '/api', to: '/nppes/api' },
  {
    host: 'oig.hhs.gov',
    from: '/exclusions/downloadables/UPDATED.csv',
    to: '/oig-leie/exclusions/downloadables/UPDATED.csv',
  },
  {
    host: 'api.sam.gov',
    from: '/entity-information/v4/exclusions',
    to: '/sam/entity-information/v4/exclusions',
  },
  // The e-Notify host is unconfirmed (see the allow-list).
  { host: 'api.nursys.com', from: '/api', to: '/nursys/api' },
  ...BOARDS.map((board) => ({
    host: board.host,
    from: board.searchPath,
    to: `/${board.id}${board.searchPath}`,
  })),
];

const matchesPath = (path: string, from: string): boolean =>
  path === from || path.startsWith(`${from}/`);

/**
 * Maps the production source URLs onto the simulator at `baseUrl`, keeping
 * the query string; any other URL comes back unchanged, for the egress
 * guard to judge. The guard applies it only under an explicit local
 * allowance.
 *
 * @example
 * simulatorRewrite('http://127.0.0.1:4000')(
 *   new URL('https://npiregistry.cms.hhs.gov/api/?version=2.1&number=1'),
 * ); // http://127.0.0.1:4000/nppes/api/?version=2.1&number=1
 */
const simulatorRewrite = (baseUrl: string): ((url: URL) => URL) => {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');

  return (url) => {
    const route = ROUTES.find(
      (r) =>
        url.protocol === 'https:' &&
        url.hostname === r.host &&
        url.port === '' &&
        url.username === '' &&
        url.password === '' &&
        matchesPath(url.pathname, r.from),
    );
    if (route === undefined) return new URL(url);

    const mapped = new URL(base);
    mapped.pathname = `${basePath}${route.to}${url.pathname.slice(route.from.length)}`;
    mapped.search = url.search;

    return mapped;
  };
};

export { simulatorRewrite };
