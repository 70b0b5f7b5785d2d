import type { TestProject } from 'vitest/node';
import { startMotoServer } from '../../packages/local/src/emulator/startMotoServer';

declare module 'vitest' {
  interface ProvidedContext {
    /** Base URL of the moto_server every test file shares. */
    motoEndpoint: string;
  }
}

/**
 * Starts the services every test file shares: one moto_server for the
 * whole run. Each test names its own resources (`uniquePrefix`), so no test
 * depends on what another left behind.
 *
 * Set `ROVN_MOTO_ENDPOINT` to reuse a moto_server that is already running.
 */
export default async function setup(
  project: TestProject,
): Promise<() => Promise<void>> {
  const existing = process.env.ROVN_MOTO_ENDPOINT;
  if (existing !== undefined && existing !== '') {
    project.provide('motoEndpoint', existing);

    return async () => undefined;
  }

  const moto = await startMotoServer();
  project.provide('motoEndpoint', moto.endpoint);

  return () => moto.stop();
}
