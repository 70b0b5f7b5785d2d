import type { Log } from '../log/logger';
import { openPgliteStore } from './openPgliteStore';
import { openPostgresStore } from './openPostgresStore';
import type { Store } from './store';

/** Where the store lives: a PostgreSQL server, or embedded PGlite. */
type StoreLocation =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string };

/**
 * Opens the store and migrates it: a PostgreSQL server when a URL is
 * given, otherwise embedded PGlite, in memory or persisted under
 * `dataDir`. For the local stack, the CLI and tests; Lambdas call
 * {@link openPostgresStore}, which does not load PGlite.
 */
const openStore = (
  location: StoreLocation,
  options: { log?: Log } = {},
): Promise<Store> =>
  location.kind === 'postgres'
    ? openPostgresStore(location, options)
    : openPgliteStore(location.dataDir);

export type { Store, StoreLocation };
export { openStore };
