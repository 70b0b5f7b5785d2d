import { RovnError } from '@rovn/core';

/** A benchmark could not run or measure what it was asked to. */
class BenchError extends RovnError {
  override readonly name = 'BenchError';
}

export { BenchError };
