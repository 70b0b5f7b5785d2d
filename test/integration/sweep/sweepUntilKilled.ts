/**
 * A sweep that publishes its first page, claims its second, waits until
 * the third (claimed ahead while the second is published) is in the
 * database, says which checks it holds on stdout and then hangs until its
 * parent test kills it (SIGKILL). Run by `crashedSweep.test.ts` as a
 * separate process, with its settings as JSON in `SWEEP_CHILD`.
 */
import { setTimeout as delay } from 'node:timers/promises';
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
const announced = new Set<string>();

/**
 * The checks this process holds beyond those it announced: the page the
 * sweep claims ahead. Polls until that claim has committed (a claim is one
 * statement, so it appears whole), for at most ten seconds.
 */
const claimedAhead = async (): Promise<string[]> => {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const rows = await store.db
      .selectFrom('checks')
      .select('id')
      .where('lease_expires_at', '>', new Date(settings.now))
      .execute();
    const ahead = rows.map((r) => r.id).filter((id) => !announced.has(id));
    if (ahead.length > 0) return ahead;
    await delay(50);
  }

  return [];
};

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
      for (const request of requests) announced.add(request.checkId);
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
      process.stdout.write(`ahead ${(await claimedAhead()).join(',')}\n`);
      process.stdout.write(`claimed ${ids}\n`);
      setInterval(() => undefined, 60_000);

      return new Promise(() => undefined);
    },
  },
  { pageSize: settings.pageSize, leaseMs: settings.leaseMs },
);
