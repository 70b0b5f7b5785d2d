import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BOARD_SOURCE_IDS,
  type BoardSourceId,
  countDueChecks,
  insertRoster,
  type Log,
  openStore,
  recordDailyCoverage,
  SOURCES,
  type SourceId,
  type Store,
} from '@rovn/core';
import {
  createBoardAdapterHandler,
  createExpiryNoticesHandler,
  createLeieScreenHandler,
  createNotifierHandler,
  createNppesAdapterHandler,
  createNursysAdapterHandler,
  createNursysNotificationsHandler,
  createSamAdapterHandler,
  createSesFeedbackHandler,
  createSweepHandler,
} from '@rovn/functions';
import { dueCheckIds, startChaos } from '../chaos/chaosRun';
import { checkChaosInvariants } from '../chaos/checkChaosInvariants';
import { formatChaosReport } from '../chaos/formatChaosReport';
import { makeDemoRoster } from '../demo/makeDemoRoster';
import { createAwsClients } from '../emulator/createAwsClients';
import { startMotoServer } from '../emulator/startMotoServer';
import { readSentEmailsFromMoto } from '../outbox/readSentEmailsFromMoto';
import { writeOutbox } from '../outbox/writeOutbox';
import { createLambdaContext } from '../poller/createLambdaContext';
import { type QueuePoller, startQueuePoller } from '../poller/startQueuePoller';
import { waitUntilDrained } from '../poller/waitUntilDrained';
import { provisionTopology } from '../provision/provisionTopology';
import { startSourceSimulator } from '../simulator/startSourceSimulator';
import { captureHandlerLogs } from './captureHandlerLogs';
import { collectSummary, type RunSummary } from './collectSummary';
import { fireLeieRefresh } from './fireLeieRefresh';
import { formatCoverage } from './formatCoverage';
import { formatSummary } from './formatSummary';
import { localDeps } from './localDeps';

interface RunLocalOptions {
  /** Where the database, logs, outbox and summary go. */
  outDir: string;
  workers: number;
  /** Keep the database of the previous run instead of starting afresh. */
  reuse: boolean;
  /** A PostgreSQL server to use instead of embedded PGlite. */
  databaseUrl?: string;
  seed?: number;
  /** Progress lines go here. */
  print: (line: string) => void;
  /** Drain deadline (default 10 minutes). */
  drainTimeoutMs?: number;
  /**
   * Fires each schedule twice and hands every queued batch to its handler
   * twice, to show that duplicates change nothing.
   */
  deliverTwice?: boolean;
  /**
   * The NPPES time limit (default 5 s); the simulator's slow answers take
   * twice as long. Tests on a loaded machine raise it so only the slow
   * answers time out.
   */
  nppesTimeoutMs?: number;
  /**
   * The seeded chaos run of issue #8 (seed: `seed`, default 1): messages
   * delivered twice and out of order, killed invocations, faulty source
   * answers, one dropped database connection; the invariants are checked
   * and reported in `chaos` of the summary. Every source gets the NPPES
   * time limit.
   */
  chaos?: boolean;
}

const DEFAULT_NPPES_TIMEOUT_MS = 5_000;

/** A fixed fake key: the simulator only checks that one is sent. */
const LOCAL_SAM_API_KEY = 'local-fake-sam-key';

/** Room for two lookups per worker of a large local run. */
const LOCAL_SAM_DAILY_CALLS = 250_000;

/** Fake institution credentials: the simulator only checks they are sent. */
const LOCAL_NURSYS_CREDENTIALS = {
  credentials: async () => ({ username: 'local-demo', password: 'local-fake' }),
  // Short waits: the simulator finishes a lookup after one poll, and the
  // pending-for-ever demo nurse should not hold the run up for long.
  polling: {
    maxPolls: 4,
    firstDelayMs: 100,
    maxDelayMs: 400,
    budgetMs: 20_000,
    pendingLimitMs: 24 * 3_600_000,
  },
};

/**
 * The emulator is the local run's bottleneck: under load it answers a
 * PutEvents or PutObject in a few hundred milliseconds, so a batch of ten
 * can take far longer than on AWS. Local invocations therefore get a
 * longer time limit than the deployed functions, and the queues a
 * visibility timeout above it, so a batch still being handled is not
 * delivered a second time. A failed message comes back after a minute.
 */
const LOCAL_INVOCATION_TIMEOUT_SECONDS = 50;
const LOCAL_VISIBILITY_TIMEOUT_SECONDS = 60;

/**
 * In the chaos run a notifier killed after taking a notice's key leaves it
 * reserved; past this age (above the local time limit) another takes it
 * over, so the notice goes out within the message's retries.
 */
const CHAOS_NOTICE_STALE_AFTER_MS =
  (LOCAL_INVOCATION_TIMEOUT_SECONDS + 10) * 1000;

/**
 * A Nursys submit claimed by an invocation that died (killed, its
 * connection dropped) is taken over past the local time limit,
 * below the visibility timeout: the first redelivery after a failed one
 * submits, well within the message's five receives. Core's default is for
 * the deployed 180 s limit, longer than a local message's retries last.
 */
const LOCAL_NURSYS_SUBMIT_STALE_AFTER_MS =
  (LOCAL_INVOCATION_TIMEOUT_SECONDS + 5) * 1000;

/**
 * The main job, on this machine: emulator, simulator, store, the real
 * handlers driven by local pollers, then a summary with the receipts'
 * lock checked and every email written where a person can open it.
 */
/** Poller messages go to the handler log file with the handlers' own. */
const pollerLog: Log = {
  debug: () => undefined,
  info: (message, attributes) =>
    console.info(JSON.stringify({ message, ...attributes })),
  warn: (message, attributes) =>
    console.warn(JSON.stringify({ message, ...attributes })),
  error: (message, attributes) =>
    console.error(JSON.stringify({ message, ...attributes })),
};

/**
 * Fires the daily Nursys notification lookup (twice with `times` 2) and
 * says what it did. A failed lookup is reported, not fatal: the demo
 * goes on, as the deployed schedule would try again the next day.
 */
const fireNursysNotifications = async (
  provider: Parameters<typeof createNursysNotificationsHandler>[0],
  times: number,
): Promise<string> => {
  const handler = createNursysNotificationsHandler(
    provider,
    LOCAL_NURSYS_CREDENTIALS,
  );
  let line = '';
  for (let run = 0; run < times; run++) {
    try {
      const report = await handler(
        {},
        createLambdaContext({
          functionName: 'nursys-notifications',
          timeoutMs: 300_000,
        }),
      );
      line = `${report.reported} changes reported, ${report.knownLicenses} known licenses, ${report.unknownLicenses} unknown, ${report.checksMarkedDue} checks made due`;
    } catch (error) {
      line = `failed (${error instanceof Error ? error.name : 'error'})`;
    }
  }

  return line;
};

const runLocal = async (options: RunLocalOptions): Promise<RunSummary> => {
  const startedAt = new Date();
  const { print } = options;
  const dirs = {
    db: join(options.outDir, 'pgdata'),
    outbox: join(options.outDir, 'outbox'),
    logs: join(options.outDir, 'logs'),
  };

  if (options.reuse) {
    print(`Reusing the local database in ${dirs.db} (--reuse)`);
  } else {
    print(
      `Resetting local state in ${options.outDir} (pass --reuse to keep the database)`,
    );
    // Only what a run creates is removed: --out may name a folder that
    // holds other files.
    for (const made of [dirs.db, join(options.outDir, 'run-summary.json')]) {
      await rm(made, { recursive: true, force: true });
    }
  }
  await rm(dirs.outbox, { recursive: true, force: true });
  await rm(dirs.logs, { recursive: true, force: true });
  await mkdir(options.outDir, { recursive: true });

  process.env.POWERTOOLS_DEV = 'true';
  process.env.POWERTOOLS_TRACE_ENABLED = 'false';
  const restoreConsole = captureHandlerLogs(join(dirs.logs, 'handlers.log'));
  const stops: (() => Promise<void>)[] = [restoreConsole];
  const stopAll = async () => {
    for (const stop of stops.splice(0)) {
      await stop().catch(() => undefined);
    }
  };
  // An interrupted run must not leave moto_server or the simulator behind.
  const onSignal = (signal: NodeJS.Signals) => {
    print(`Interrupted (${signal}); stopping the local stack`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const times = options.deliverTwice ? 2 : 1;
  const nppesTimeoutMs = options.nppesTimeoutMs ?? DEFAULT_NPPES_TIMEOUT_MS;
  const chaos = options.chaos
    ? startChaos({
        seed: options.seed ?? 1,
        sourceTimeoutMs: nppesTimeoutMs,
        ...(options.databaseUrl === undefined
          ? {}
          : { databaseUrl: options.databaseUrl }),
      })
    : undefined;

  try {
    const moto = await startMotoServer();
    stops.unshift(moto.stop);
    print(`AWS emulator (moto_server) on ${moto.endpoint}`);

    const today = startedAt.toISOString().slice(0, 10);
    const world = makeDemoRoster({
      workers: options.workers,
      today,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    const simulator = await startSourceSimulator({
      nppes: world.nppes,
      leie: { kind: 'file', body: world.leieCsv },
      sam: world.sam,
      nursys: {
        behaviours: world.nursys,
        notifications: world.nursysNotifications,
      },
      boards: world.boards,
      slowDelayMs: nppesTimeoutMs * 2,
      ...(chaos === undefined ? {} : { faults: chaos.simulatorFaults }),
    });
    stops.unshift(simulator.stop);
    print(
      `Source simulator (NPPES, LEIE, SAM, Nursys, state boards) on ${simulator.baseUrl}`,
    );

    const clients = createAwsClients(moto.endpoint);
    stops.unshift(async () => clients.destroy());
    const resources = await provisionTopology({
      endpoint: moto.endpoint,
      clients,
      visibilityTimeoutSeconds: LOCAL_VISIBILITY_TIMEOUT_SECONDS,
    });
    print(
      `Provisioned topic, ${Object.keys(resources.queues).length} source queues with DLQs, bus ${resources.busName}, locked bucket ${resources.bucket}`,
    );

    const store: Store = await openStore(
      options.databaseUrl === undefined
        ? { kind: 'pglite', dataDir: dirs.db }
        : { kind: 'postgres', url: options.databaseUrl },
      { log: pollerLog },
    );
    stops.unshift(store.close);
    const existing = await store.db
      .selectFrom('workers')
      .select(store.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) === 0) {
      await insertRoster(store.db, world.roster);
      print(
        `Seeded ${world.roster.workers.length} made-up workers at ${world.roster.facilities.length} facilities, ${world.roster.checks.length} checks (${store.location})`,
      );
    } else {
      print(`Store already holds ${existing.n} workers; nothing seeded`);
    }

    // The chaos run's handlers get their own clients and store handle,
    // with the kill hooks; the pollers and the summary keep clean ones.
    let handlerClients = clients;
    if (chaos !== undefined) {
      handlerClients = createAwsClients(moto.endpoint);
      stops.unshift(async () => handlerClients.destroy());
      chaos.wrapClients(handlerClients);
      print(
        `Chaos run with seed ${chaos.plan.seed}: every message twice, ${chaos.plan.rates.outOfOrder * 100}% out of order, ${chaos.plan.rates.kill * 100}% of invocations killed, ${chaos.plan.rates.sourceFault * 100}% of source answers faulty, one connection drop`,
      );
    }
    const deps = localDeps({
      db: chaos === undefined ? store.db : chaos.wrapStore(store.db),
      clients: handlerClients,
      resources,
      simulatorBaseUrl: simulator.baseUrl,
      nppesTimeoutMs,
      ...(chaos === undefined
        ? {}
        : {
            allSourcesTimeoutMs: nppesTimeoutMs,
            noticeStaleAfterMs: CHAOS_NOTICE_STALE_AFTER_MS,
          }),
    });
    const provider = async () => deps;

    const leieRefresh = await fireLeieRefresh(provider, times);
    print(`Fired schedule leie-refresh: ${leieRefresh}`);

    const nursysNotices = await fireNursysNotifications(provider, times);
    print(`Fired schedule nursys-notifications: ${nursysNotices}`);

    const checksDue = await countDueChecks(store.db, new Date());
    const dueIds =
      chaos === undefined ? [] : await dueCheckIds(store.db, new Date());
    const sweepHandler = createSweepHandler(provider);
    const sweep = await sweepHandler(
      {},
      createLambdaContext({ functionName: 'sweep', timeoutMs: 120_000 }),
    );
    for (let again = 1; again < times; again++) {
      const repeat = await sweepHandler(
        {},
        createLambdaContext({ functionName: 'sweep', timeoutMs: 120_000 }),
      );
      sweep.published += repeat.published;
    }
    print(
      `Fired schedule sweep: ${checksDue} checks due, ${sweep.published} requests published in ${sweep.pages} pages`,
    );

    const adapters: Record<
      SourceId,
      ReturnType<typeof createNppesAdapterHandler>
    > = {
      nppes: createNppesAdapterHandler(provider),
      'oig-leie': createLeieScreenHandler(provider),
      sam: createSamAdapterHandler(provider, {
        apiKey: async () => LOCAL_SAM_API_KEY,
        dailyCallLimit: LOCAL_SAM_DAILY_CALLS,
      }),
      nursys: createNursysAdapterHandler(provider, {
        ...LOCAL_NURSYS_CREDENTIALS,
        submitStaleAfterMs: LOCAL_NURSYS_SUBMIT_STALE_AFTER_MS,
      }),
      ...(Object.fromEntries(
        BOARD_SOURCE_IDS.map((id) => [id, createBoardAdapterHandler(provider)]),
      ) as Record<BoardSourceId, ReturnType<typeof createBoardAdapterHandler>>),
    };
    const pollers: QueuePoller[] = Object.values(SOURCES).map((source) =>
      startQueuePoller({
        sqs: clients.sqs,
        queueUrl: resources.queues[source.id].url,
        queueArn: resources.queues[source.id].arn,
        batchSize: source.queue.batchSize,
        maxConcurrency: source.queue.maxConcurrency,
        handler: adapters[source.id],
        name: source.adapter.id,
        timeoutSeconds: LOCAL_INVOCATION_TIMEOUT_SECONDS,
        log: pollerLog,
        deliverTwice: options.deliverTwice ?? false,
        ...(chaos === undefined
          ? {}
          : { faults: chaos.faultsFor(source.adapter.id, true) }),
      }),
    );
    pollers.push(
      startQueuePoller({
        sqs: clients.sqs,
        queueUrl: resources.notificationsQueue.url,
        queueArn: resources.notificationsQueue.arn,
        batchSize: 10,
        maxConcurrency: 2,
        handler: createNotifierHandler(provider),
        name: 'notifier',
        timeoutSeconds: LOCAL_INVOCATION_TIMEOUT_SECONDS,
        log: pollerLog,
        deliverTwice: options.deliverTwice ?? false,
        ...(chaos === undefined
          ? {}
          : { faults: chaos.faultsFor('notifier', false) }),
      }),
    );
    pollers.push(
      startQueuePoller({
        sqs: clients.sqs,
        queueUrl: resources.feedbackQueue.url,
        queueArn: resources.feedbackQueue.arn,
        batchSize: 10,
        maxConcurrency: 1,
        handler: createSesFeedbackHandler(provider),
        name: 'ses-feedback',
        timeoutSeconds: LOCAL_INVOCATION_TIMEOUT_SECONDS,
        log: pollerLog,
        deliverTwice: options.deliverTwice ?? false,
      }),
    );
    stops.unshift(async () => {
      await Promise.all(pollers.map((p) => p.stop()));
    });

    let lastLine = '';
    await waitUntilDrained({
      sqs: clients.sqs,
      queueUrls: [
        ...Object.values(resources.queues).map((q) => q.url),
        resources.notificationsQueue.url,
        resources.feedbackQueue.url,
      ],
      pollers,
      timeoutMs: options.drainTimeoutMs ?? 10 * 60_000,
      intervalMs: 500,
      onProgress: (counts) => {
        const waiting = counts.reduce(
          (n, c) => n + c.visible + c.inFlight + c.delayed,
          0,
        );
        const handled = pollers.reduce((n, p) => n + p.stats.messages, 0);
        const line = `  draining: ${waiting} messages waiting, ${handled} handled`;
        if (line !== lastLine) print(line);
        lastLine = line;
      },
    });
    print('All queues drained');

    // Fired after the checks, as on AWS (13:00 UTC, after the 12:00 ones).
    const notices = await createExpiryNoticesHandler(provider)(
      {},
      createLambdaContext({
        functionName: 'expiry-notices',
        timeoutMs: 300_000,
      }),
    );
    print(
      `Fired schedule expiry-notices: ${notices.expiring.sent} reminders sent (${notices.expiring.withheld} withheld), ${notices.outages.sent} outage notices`,
    );

    const emails = await readSentEmailsFromMoto(moto.endpoint);
    const outbox = await writeOutbox(dirs.outbox, emails);
    const summary = await collectSummary({
      db: store.db,
      clients,
      resources,
      startedAt,
      emails,
      base: {
        state: options.reuse ? 'reused' : 'reset',
        store: store.location,
        workers: world.roster.workers.length,
        checks_due: checksDue,
        requests_published: sweep.published,
        leie_refresh: leieRefresh,
      },
    });
    if (chaos !== undefined) {
      summary.chaos = {
        seed: chaos.plan.seed,
        tally: chaos.tally,
        invariants: await checkChaosInvariants({
          db: store.db,
          sqs: clients.sqs,
          dlqUrls: [
            ...Object.values(resources.queues).map((q) => q.dlqUrl),
            resources.notificationsQueue.dlqUrl,
          ],
          dueCheckIds: dueIds,
          since: startedAt,
          served: simulator.served,
          emails,
          receiptObjects: summary.receipts_archived,
          sentByKilledNotifiers: chaos.noticeSends.byKilledInvocations(),
        }),
      };
    }
    const summaryPath = join(options.outDir, 'run-summary.json');
    await writeFile(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);

    print('');
    print(formatSummary(summary));
    print('');
    print(formatCoverage(await recordDailyCoverage(store.db)));
    print('');
    if (summary.chaos !== undefined) {
      print(formatChaosReport(summary.chaos));
      print('');
    }
    print(
      `Outbox: ${outbox.indexPath} (${emails.length} emails, .html and .eml)`,
    );
    print(`Summary: ${summaryPath}`);
    print(`Handler logs: ${join(dirs.logs, 'handlers.log')}`);

    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
};

export type { RunLocalOptions };
export { runLocal };
