import { RovnError } from '../errors';

/** The store could not be opened, migrated or queried. */
class StoreError extends RovnError {
  override readonly name: string = 'StoreError';
}

/** A row the caller relies on does not exist. */
class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
}

export { NotFoundError, StoreError };
