import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HOME_REGION } from '../packages/core/src/topology';
import { synthesizeOffline } from './synthesizeOffline';

/** Stage synthesized when `SST_STAGE` is not set. */
const DEFAULT_STAGE = 'synth';

/**
 * Writes every stack's template to `out/templates/<Stack>.template.json`
 * without AWS credentials, for review and diffing; run with `pnpm synth`.
 */
const main = async (): Promise<void> => {
  const stage = process.env.SST_STAGE ?? DEFAULT_STAGE;
  const outDir = path.resolve('out', 'templates');

  const templates = await synthesizeOffline({
    stage,
    region: HOME_REGION,
    outdir: path.resolve('out', 'cdk.out'),
  });

  await mkdir(outDir, { recursive: true });
  for (const [name, template] of Object.entries(templates)) {
    const file = path.join(outDir, `${name}.template.json`);
    await writeFile(file, `${JSON.stringify(template, null, 2)}\n`);
    console.log(file);
  }
};

await main();
