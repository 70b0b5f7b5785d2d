import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForLambda } from '../../bench/bundleForLambda';
import { deployedFunctions } from '../../bench/deployedFunctions';

/** Packages no Lambda may carry: the local stack's, or replaced ones. */
const FORBIDDEN = [
  '@electric-sql/pglite',
  'kysely-pglite-dialect',
  'undici',
] as const;

/** Every input path that kept code in the bundle. */
const keptInputs = (metafile: Metafile): string[] =>
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );

const packageIn = (path: string, name: string): boolean =>
  path.includes(`node_modules/${name}/`);

/**
 * What each function's bundle holds, built with the settings the stacks
 * deploy with (stacks/lambdaBundling.ts, through the bench's builder).
 * Issue 8: functions stay small by leaving out what they never run.
 */
describe('function bundle contents', () => {
  const functions = deployedFunctions();
  const inputs = new Map<string, string[]>();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rovn-bundle-contents-'));
    for (const fn of functions) {
      const bundle = await bundleForLambda(
        { entry: fn.entry },
        join(dir, `${fn.name}.mjs`),
      );
      inputs.set(fn.name, keptInputs(bundle.metafile));
    }
  }, 300_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('covers every function of the topology', () => {
    expect([...inputs.keys()]).toEqual(functions.map((fn) => fn.name));
    expect(functions.length).toBeGreaterThan(0);
  });

  it('never carries PGlite or undici', () => {
    const found = [...inputs].flatMap(([name, paths]) =>
      FORBIDDEN.filter((pkg) => paths.some((p) => packageIn(p, pkg))).map(
        (pkg) => `${name}: ${pkg}`,
      ),
    );

    expect(found).toEqual([]);
  });

  it("keeps zod's English messages only, not its other locales", () => {
    const locales = [...inputs].flatMap(([name, paths]) =>
      paths
        .filter((p) => /zod\/v4\/locales\/(?!en\.js)/.test(p))
        .map((p) => `${name}: ${p.slice(p.lastIndexOf('/') + 1)}`),
    );

    expect(locales).toEqual([]);
  });

  it('carries the notice templates only where notices are sent', () => {
    const withHandlebars = [...inputs]
      .filter(([, paths]) => paths.some((p) => packageIn(p, 'handlebars')))
      .map(([name]) => name);
    const sendingSes = [...inputs]
      .filter(([, paths]) =>
        paths.some((p) => packageIn(p, '@aws-sdk/client-ses')),
      )
      .map(([name]) => name);

    expect(withHandlebars.length).toBeGreaterThan(0);
    expect(withHandlebars).toEqual(sendingSes);
  });
});
