import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ColdStartResult } from './benchResults';
import {
  awsClientPackages,
  bundleForLambda,
  bytesByPackage,
  type LambdaBundle,
} from './bundleForLambda';
import { deployedFunctions } from './deployedFunctions';
import { BenchError } from './errors';
import { type ImportTiming, measureImport, writeProbe } from './measureImport';
import { median, round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const FUNCTIONS_DIR = join(ROOT, 'packages/functions');
const RUNS = 20;

/**
 * A valid environment for every handler kind (see core's workerConfig):
 * the entry files parse it at import and would stop on a missing setting.
 * Nothing is called: the database and AWS are first used on invocation.
 */
const HANDLER_ENV: Record<string, string> = {
  ROVN_STAGE: 'bench',
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  DATABASE_URL: 'postgres://bench@127.0.0.1:5432/bench',
  REQUESTS_TOPIC_ARN:
    'arn:aws:sns:us-east-2:123456789012:verification-requests',
  RECEIPTS_BUCKET: 'source-receipts',
  EVENT_BUS_NAME: 'passport',
  SES_FROM_ADDRESS: 'notices@rovn.example',
  SES_CONFIGURATION_SET: 'passport',
  APP_BASE_URL: 'https://app.rovn.example',
  OPERATOR_EMAIL: 'operators@rovn.example',
  SAM_API_KEY_SECRET_ARN:
    'arn:aws:secretsmanager:us-east-2:123456789012:secret:sam-api-key',
  NURSYS_CREDENTIALS_SECRET_ARN:
    'arn:aws:secretsmanager:us-east-2:123456789012:secret:nursys-credentials',
  POWERTOOLS_SERVICE_NAME: 'rovn-passport-workers',
  PATH: process.env.PATH ?? '',
};

/** The exported client class of an SDK client package, e.g. `S3Client`. */
const clientClassOf = (pkg: string): string => {
  const load = createRequire(join(FUNCTIONS_DIR, 'package.json'));
  const exported = Object.keys(load(pkg) as Record<string, unknown>);
  const name = exported.find((key) => /^[A-Za-z0-9]+Client$/.test(key));
  if (name === undefined) {
    throw new BenchError(`No client class found in ${pkg}`, {
      context: { package: pkg },
    });
  }

  return name;
};

/** Source of a bundle that imports only the given SDK clients. */
const baselineSource = (packages: readonly string[]): string => {
  const classes = packages.map((pkg) => ({ pkg, name: clientClassOf(pkg) }));

  return [
    ...classes.map(({ pkg, name }) => `import { ${name} } from '${pkg}';`),
    `export const clients = [${classes.map((c) => c.name).join(', ')}];`,
  ].join('\n');
};

/** One function's bundle and import times, with its baseline's. */
interface ColdStartMeasurement extends ColdStartResult {
  /** Median CPU time of the imports: steadier than wall time under load. */
  init_cpu_ms_median: number;
  baseline_cpu_ms_median: number;
  cpu_ratio: number;
  baseline_bytes: number;
  aws_clients: string[];
  largest_inputs: [string, number][];
}

/**
 * Cold start, as issue 8 defines it: each function bundled as deployed;
 * the median time over fresh Node processes to import the bundle (which
 * builds the handler) next to a bundle importing only the AWS SDK clients
 * the function's bundle contains. Runs alternate between the two so drift
 * on the machine affects both alike.
 *
 * @param runs - fresh processes per bundle (default 20)
 */
const runColdStart = async (runs = RUNS): Promise<ColdStartMeasurement[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'rovn-bench-cold-'));
  try {
    const probe = await writeProbe(dir);
    const results: ColdStartMeasurement[] = [];

    for (const fn of deployedFunctions()) {
      const bundle = await bundleForLambda(
        { entry: fn.entry },
        join(dir, `${fn.name}.mjs`),
      );
      const clients = awsClientPackages(bundle.metafile);
      const baseline: LambdaBundle = await bundleForLambda(
        {
          source: baselineSource(clients),
          resolveDir: FUNCTIONS_DIR,
          name: `${fn.name}-baseline.ts`,
        },
        join(dir, `${fn.name}-baseline.mjs`),
      );

      const own: ImportTiming[] = [];
      const base: ImportTiming[] = [];
      for (let run = 0; run < runs; run += 1) {
        own.push(await measureImport(probe, bundle.outfile, HANDLER_ENV));
        base.push(await measureImport(probe, baseline.outfile, HANDLER_ENV));
      }
      const initMs = median(own.map((t) => t.wallMs));
      const baselineMs = median(base.map((t) => t.wallMs));
      const initCpuMs = median(own.map((t) => t.cpuMs));
      const baselineCpuMs = median(base.map((t) => t.cpuMs));

      results.push({
        function: fn.name,
        bundle_bytes: bundle.bytes,
        init_ms_median: round(initMs),
        baseline_ms_median: round(baselineMs),
        ratio: round(initMs / baselineMs),
        init_cpu_ms_median: round(initCpuMs),
        baseline_cpu_ms_median: round(baselineCpuMs),
        cpu_ratio: round(initCpuMs / baselineCpuMs),
        baseline_bytes: baseline.bytes,
        aws_clients: clients,
        largest_inputs: bytesByPackage(bundle.metafile).slice(0, 8),
      });
    }

    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export type { ColdStartMeasurement };
export { HANDLER_ENV, runColdStart };
