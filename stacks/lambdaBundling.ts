import type { FunctionProps } from 'sst/constructs';

/**
 * How every function is bundled: one minified ESM file for the Node 22
 * runtime. The stacks hand this to SST; the cold-start benchmark
 * (bench/bundleForLambda.ts) builds with the same settings, so what it
 * measures is what deploys.
 *
 * The AWS SDK is bundled, not taken from the runtime: the receipts rely
 * on SDK features (conditional writes, Object Lock headers) at the
 * version the lockfile pins, and the runtime's copy may lag.
 *
 * `pg` names `pg-native` as an optional require; left in, SST would
 * `npm install` and compile it for the build machine, not for arm64.
 */
const LAMBDA_BUNDLING = {
  format: 'esm',
  minify: true,
  esbuild: { target: 'node22', external: ['pg-native'] },
} as const satisfies FunctionProps['nodejs'];

/**
 * The esbuild options SST v2 always sets for an ESM function, besides
 * `LAMBDA_BUNDLING`: names kept (error classes are told apart by name),
 * `module` before `main`, and a banner so bundled CommonJS can `require`
 * Node's built-in modules and read `__dirname`.
 */
const SST_ESM_DEFAULTS = {
  platform: 'node',
  bundle: true,
  keepNames: true,
  mainFields: ['module', 'main'],
  external: ['sharp', 'pg-native'],
  banner: {
    js: [
      "import { createRequire as topLevelCreateRequire } from 'module';",
      'const require = topLevelCreateRequire(import.meta.url);',
      'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
      'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
      '',
    ].join('\n'),
  },
} as const;

export { LAMBDA_BUNDLING, SST_ESM_DEFAULTS };
