/**
 * A sweep that publishes its first page, claims its second, says so on
 * stdout and then hangs until its parent test kills it (SIGKILL). Run by
 * `crashedSweep.test.ts` as a separate process, with its settings as JSON
 * in `SWEEP_CHILD`.
 */
import { silentLog } from '../../../packages/core/src/log/logger';
import { publishRequests } from '../../../packages/core/src/messaging/publishRequests';
import { openStore } from '../../../packages/core/src/store';
import { runSweep } from '../../../packages/core/src/workflows/runSweep';
import { createAwsClients } from '../../../packages/local/src/emulator/createAwsClients';

interface ChildSettings {
  url: string;
  endpoint: string;
  topicArn: string;
  now: string;
  pageSize: number;
  leaseMs: number;
}

const settings = JSON.parse(process.env.SWEEP_CHILD ?? '{}') as ChildSettings;
const store = await openStore({ kind: 'postgres', url: settings.url });
const clients = createAwsClients(settings.endpoint);
let pages = 0;

await runSweep(
  {
    db: store.db,
    sns: clients.sns,
    topicArn: settings.topicArn,
    clock: () => new Date(settings.now),
    log: silentLog,
    remainingMs: () => Number.POSITIVE_INFINITY,
    publish: async (requests) => {
      pages += 1;
      const ids = requests.map((r) => r.checkId).join(',');
      if (pages === 1) {
        const outcome = await publishRequests(
          clients.sns,
          settings.topicArn,
          requests,
        );
        process.stdout.write(`published ${ids}\n`);

        return outcome;
      }
      process.stdout.write(`claimed ${ids}\n`);
      setInterval(() => undefined, 60_000);

      return new Promise(() => undefined);
    },
  },
  { pageSize: settings.pageSize, leaseMs: settings.leaseMs },
);
