import { RovnError } from '../../errors';

/** An NPPES request was asked for a subject that cannot be looked up. */
class NppesRequestError extends RovnError {
  override readonly name = 'NppesRequestError';
}

export { NppesRequestError };
