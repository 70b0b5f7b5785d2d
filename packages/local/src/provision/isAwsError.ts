/**
 * True when an SDK v3 call failed with one of the given error codes (the
 * SDK puts the service's code in `name`).
 */
const isAwsError = (error: unknown, ...codes: string[]): boolean =>
  error instanceof Error && codes.includes(error.name);

export { isAwsError };
