import { RovnError } from '../errors';

/** A value handed to an NPI helper does not have the digits it needs. */
class NpiFormatError extends RovnError {
  override readonly name = 'NpiFormatError';
}

export { NpiFormatError };
