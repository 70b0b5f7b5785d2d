import { RovnError } from '../errors';

/** A receipt could not be written, read, or does not verify. */
class ReceiptError extends RovnError {
  override readonly name: string = 'ReceiptError';
}

export { ReceiptError };
