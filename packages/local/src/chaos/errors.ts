import { RovnError } from '../../../core/src/errors';

/**
 * Thrown by the chaos hooks to end a handler invocation at a chosen step,
 * as if its process had died there. The invocation is treated as crashed:
 * nothing it did after the step happens, none of its messages is deleted.
 */
class ChaosKill extends RovnError {
  override readonly name = 'ChaosKill';
}

/**
 * What a PGlite store throws once, standing in for a dropped database
 * connection (a PostgreSQL server gets a real `pg_terminate_backend`).
 */
class ChaosConnectionDropped extends RovnError {
  override readonly name = 'ChaosConnectionDropped';
}

export { ChaosConnectionDropped, ChaosKill };
