import { MotoApiError } from './errors';

/** Wipes every resource and message moto holds (`POST /moto-api/reset`). */
const resetMoto = async (
  endpoint: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> => {
  const response = await fetchImpl(new URL('/moto-api/reset', endpoint), {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();

  if (!response.ok) {
    throw new MotoApiError(
      `moto reset at ${endpoint} answered HTTP ${response.status}; is the endpoint a moto_server?`,
      { context: { endpoint, status: response.status } },
    );
  }
};

export { resetMoto };
