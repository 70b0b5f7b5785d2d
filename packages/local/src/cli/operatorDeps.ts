import type { Database } from '@rovn/core';
import type { Kysely } from 'kysely';
import { openOperatorStore } from './openOperatorStore';

/**
 * What an operator command talks to besides its flags. Everything has a
 * production default; tests pass their own store and environment.
 */
interface OperatorDeps {
  env?: Record<string, string | undefined>;
  /**
   * The store to use; `null` for none. When absent the command opens
   * `DATABASE_URL` or the local run's PGlite folder (see
   * `openOperatorStore`) and closes it again.
   */
  db?: Kysely<Database> | null;
}

/**
 * Runs `work` with the store the deps name or the default one, closing a
 * store it opened itself.
 *
 * @param deps - the command's deps
 * @param work - what to do with the store (undefined when there is none)
 */
const withOperatorStore = async <T>(
  deps: OperatorDeps,
  work: (db: Kysely<Database> | undefined) => Promise<T>,
): Promise<T> => {
  if (deps.db !== undefined) return work(deps.db ?? undefined);

  const store = await openOperatorStore(deps.env ?? process.env);
  try {
    return await work(store?.db);
  } finally {
    await store?.close();
  }
};

export type { OperatorDeps };
export { withOperatorStore };
