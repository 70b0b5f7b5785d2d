import { createLeieRefreshHandler } from '@rovn/functions';
import { createLambdaContext } from '../poller/createLambdaContext';

/**
 * Fires the `leie-refresh` schedule `times` times and says what came of
 * it: the list loaded, else the one kept, else the failure. A failed
 * download (a faulty answer in the chaos run) is reported, not fatal: the
 * run goes on with the list it has (none on a fresh database, so the LEIE
 * checks end `source_unavailable`), as the deployed schedule would try
 * again the next day.
 */
const fireLeieRefresh = async (
  provider: Parameters<typeof createLeieRefreshHandler>[0],
  times: number,
): Promise<string> => {
  const handler = createLeieRefreshHandler(provider);
  let loaded: string | undefined;
  let kept: string | undefined;
  let failed = '';
  for (let run = 0; run < times; run++) {
    try {
      const refresh = await handler(
        {},
        createLambdaContext({
          functionName: 'leie-refresh',
          timeoutMs: 600_000,
        }),
      );
      if (refresh.status === 'loaded') {
        loaded ??= `loaded ${refresh.rows} rows`;
      } else {
        kept = `unchanged (list ${refresh.listId})`;
      }
    } catch (error) {
      failed = `failed (${error instanceof Error ? error.name : 'error'})`;
    }
  }

  return loaded ?? kept ?? failed;
};

export { fireLeieRefresh };
