import { RovnError } from '../../../core/src/errors';

/** Creating or updating a local resource in the emulator failed. */
class ProvisionError extends RovnError {
  override readonly name = 'ProvisionError';
}

export { ProvisionError };
