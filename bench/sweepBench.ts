/**
 * Sweep benchmark: seeds 1 000 000 checks (50 000 due) in a database of
 * its own on PostgreSQL, runs the sweep against a moto_server it starts,
 * and compares the sweep's time with a plain select of the same due rows.
 *
 *   npx -y pnpm@10 exec tsx bench/sweepBench.ts
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/test);
 * the benchmark creates and drops its own database there. Results go to
 * the terminal and to bench/sweep.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { computeCoverage, openStore, SWEEP_DEFAULTS } from '@rovn/core';
import pg from 'pg';
import { seedSyntheticChecks } from '../packages/local/src/demo/seedSyntheticChecks';
import { createAwsClients } from '../packages/local/src/emulator/createAwsClients';
import { startMotoServer } from '../packages/local/src/emulator/startMotoServer';
import { BenchError } from './errors';
import { measurePublishFloor } from './motoPublishFloor';

const CHECKS = 1_000_000;
const DUE = 50_000;
const LEASE_MS = 60 * 60_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const CHILD = fileURLToPath(new URL('./sweepBenchChild.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = fileURLToPath(new URL('./sweep.json', import.meta.url));

interface ChildReport {
  claimed: number;
  published: number;
  released: number;
  pages: number;
  sweep_ms: number;
  /** RSS once everything is imported, before the sweep starts. */
  idle_rss_mb: number;
  peak_rss_mb: number;
}

const runChild = (settings: object): Promise<ChildReport> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWEEP_BENCH: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        reject(new BenchError(`The sweep process exited with code ${code}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    });
  });

/** The baseline: the same due rows, one plain select, nothing written. */
const selectDueRows = async (url: string, at: Date): Promise<number> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const { rowCount } = await client.query(
      `select id, credential_id, worker_id, source, next_due_at
       from checks where next_due_at <= $1 order by next_due_at`,
      [at],
    );
    timings.push(performance.now() - started);
    if (rowCount !== DUE) {
      throw new BenchError(
        `The baseline selected ${rowCount} rows, not ${DUE}`,
      );
    }
  }
  await client.end();

  return timings.sort((a, b) => a - b)[1] ?? 0;
};

const adminQuery = async (server: string, text: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(text);
  await admin.end();
};

const main = async (): Promise<void> => {
  const server =
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `rovn_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  await adminQuery(server, `create database ${name}`);
  const moto = await startMotoServer();

  try {
    const store = await openStore({ kind: 'postgres', url: url.toString() });
    const started = performance.now();
    await seedSyntheticChecks(store.db, { checks: CHECKS, due: DUE, now: NOW });
    await store.close();
    const seedMs = performance.now() - started;
    console.log(
      `Seeded ${CHECKS} checks (${DUE} due) in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const baselineMs = await selectDueRows(url.toString(), NOW);
    console.log(
      `Baseline: plain select of the ${DUE} due rows, median of 3: ${baselineMs.toFixed(0)} ms`,
    );

    const clients = createAwsClients(moto.endpoint);
    // The floor: the same number of PublishBatch calls, same concurrency,
    // nothing else. No sweep through this emulator can beat it.
    const floor = await measurePublishFloor(
      clients.sns,
      DUE,
      SWEEP_DEFAULTS.publishConcurrency,
    );
    // moto slows down as it holds more messages (its SNS keeps every one,
    // its SQS too): the sweep starts from an emulator as empty as the
    // floor did, and its topic has no subscriber, so the sweep's SNS batch
    // calls are what is measured.
    await fetch(`${moto.endpoint}/moto-api/reset`, { method: 'POST' });
    const { TopicArn } = await clients.sns.send(
      new CreateTopicCommand({ Name: 'bench-verification-requests' }),
    );
    clients.destroy();
    if (TopicArn === undefined) throw new BenchError('moto made no topic');
    console.log(
      `moto floor: ${DUE} messages as bare PublishBatch calls, ${floor.concurrency} in flight: ${floor.ms} ms (${floor.per_s}/s)`,
    );

    const sweep = await runChild({
      url: url.toString(),
      endpoint: moto.endpoint,
      topicArn: TopicArn,
      now: NOW.toISOString(),
    });
    console.log(`Sweep to moto: ${JSON.stringify(sweep)}`);

    // Same due rows again once the first sweep's leases have run out, with
    // publishing switched off: the database side of the sweep alone.
    const claimOnly = await runChild({
      url: url.toString(),
      endpoint: null,
      topicArn: TopicArn,
      now: new Date(NOW.getTime() + LEASE_MS + 1_000).toISOString(),
    });
    console.log(`Claims only (nothing sent): ${JSON.stringify(claimOnly)}`);

    const reader = await openStore({ kind: 'postgres', url: url.toString() });
    const coverageStarted = performance.now();
    await computeCoverage(reader.db, NOW);
    const coverageMs = performance.now() - coverageStarted;
    await reader.close();
    console.log(
      `Coverage report over ${CHECKS} checks: ${coverageMs.toFixed(0)} ms`,
    );

    const result = {
      checks: CHECKS,
      due: DUE,
      published: sweep.published,
      published_per_s: Math.round(sweep.published / (sweep.sweep_ms / 1000)),
      peak_rss_mb: sweep.peak_rss_mb,
      baseline_ms: Math.round(baselineMs),
      sweep_ms: sweep.sweep_ms,
      ratio: Math.round((sweep.sweep_ms / baselineMs) * 10) / 10,
      claimed: sweep.claimed,
      claimed_per_s: Math.round(sweep.claimed / (sweep.sweep_ms / 1000)),
      pages: sweep.pages,
      claim_only_ms: claimOnly.sweep_ms,
      claim_only_ratio: Math.round((claimOnly.sweep_ms / baselineMs) * 10) / 10,
      claim_only_peak_rss_mb: claimOnly.peak_rss_mb,
      idle_rss_mb: sweep.idle_rss_mb,
      page_size: SWEEP_DEFAULTS.pageSize,
      publish_concurrency: SWEEP_DEFAULTS.publishConcurrency,
      moto_floor_ms: floor.ms,
      moto_floor_per_s: floor.per_s,
      moto_floor_ratio: Math.round((floor.ms / baselineMs) * 10) / 10,
      sweep_vs_floor: Math.round((sweep.sweep_ms / floor.ms) * 100) / 100,
      seed_ms: Math.round(seedMs),
      coverage_ms: Math.round(coverageMs),
    };
    await writeFile(OUTPUT, `${JSON.stringify(result, null, 2)}\n`);

    console.log('');
    console.log(
      `checks ${result.checks}, due ${result.due}, claimed ${result.claimed}, published ${result.published} in ${result.pages} pages`,
    );
    console.log(
      `claimed ${result.claimed_per_s}/s, published ${result.published_per_s}/s (moto's SNS sets the pace)`,
    );
    console.log(
      `peak RSS of the sweep process ${result.peak_rss_mb} MB (goal < 256 MB; ${result.idle_rss_mb} MB before the sweep started)`,
    );
    console.log(
      `sweep ${result.sweep_ms} ms vs baseline ${result.baseline_ms} ms: ratio ${result.ratio} (goal < 3)`,
    );
    console.log(
      `moto floor ${result.moto_floor_ms} ms (${result.moto_floor_per_s}/s): ratio ${result.moto_floor_ratio} for publishing alone; the sweep takes ${result.sweep_vs_floor}x the floor`,
    );
    console.log(
      `claims alone ${result.claim_only_ms} ms: ratio ${result.claim_only_ratio}`,
    );
    console.log(`Wrote ${OUTPUT}`);
  } finally {
    await moto.stop();
    await adminQuery(server, `drop database if exists ${name} with (force)`);
  }
};

await main();
