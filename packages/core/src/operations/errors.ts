import { RovnError } from '../errors';

/** An operator command could not do what it was asked. */
class OperationsError extends RovnError {
  override readonly name: string = 'OperationsError';
}

/** A queue, bucket or object the command needs does not exist. */
class ResourceNotFoundError extends OperationsError {
  override readonly name = 'ResourceNotFoundError';
}

export { OperationsError, ResourceNotFoundError };
