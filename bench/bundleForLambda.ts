import { build, type Metafile } from 'esbuild';

/**
 * What SST v2 puts at the top of an ESM bundle, so bundled CommonJS code
 * can still `require` Node's built-in modules.
 */
const ESM_BANNER = [
  "import { createRequire as topLevelCreateRequire } from 'module';",
  'const require = topLevelCreateRequire(import.meta.url);',
].join('\n');

/** What to bundle: a file, or generated source resolved from a folder. */
type BundleInput =
  | { entry: string }
  | { source: string; resolveDir: string; name: string };

/** A written bundle and what went into it. */
interface LambdaBundle {
  outfile: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Bundles one entry the way the stacks deploy it (see
 * stacks/defaultFunctionProps.ts and SST's Node.js builder): one minified
 * ESM file for Node 22, `module` before `main`, names kept, `pg-native`
 * and `sharp` left out. No source map: Lambda does not load it at start.
 *
 * @param input - the entry file, or generated source (the baselines)
 * @param outfile - where the `.mjs` bundle goes
 */
const bundleForLambda = async (
  input: BundleInput,
  outfile: string,
): Promise<LambdaBundle> => {
  const result = await build({
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : {
          stdin: {
            contents: input.source,
            resolveDir: input.resolveDir,
            sourcefile: input.name,
            loader: 'ts',
          },
        }),
    outfile,
    bundle: true,
    minify: true,
    keepNames: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: ['pg-native', 'sharp'],
    banner: { js: ESM_BANNER },
    metafile: true,
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs)[0];

  return {
    outfile,
    bytes: output?.bytes ?? 0,
    metafile: result.metafile,
  };
};

/**
 * The AWS SDK client packages (`@aws-sdk/client-*`) a bundle contains,
 * read from its metafile.
 */
const awsClientPackages = (metafile: Metafile): string[] => {
  const found = new Set<string>();
  for (const path of Object.keys(metafile.inputs)) {
    const match = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(path);
    if (match?.[1] !== undefined) found.add(match[1]);
  }

  return [...found].sort();
};

/** Bytes each package (or source folder) adds to the bundle, largest first. */
const bytesByPackage = (metafile: Metafile): [string, number][] => {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const parts = path.split('node_modules/');
      const last = parts[parts.length - 1] ?? path;
      const segments = last.split('/');
      const name =
        parts.length === 1
          ? segments.slice(0, 3).join('/')
          : last.startsWith('@')
            ? segments.slice(0, 2).join('/')
            : (segments[0] ?? last);
      totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
    }
  }

  return [...totals].sort((a, b) => b[1] - a[1]);
};

export type { BundleInput, LambdaBundle };
export { awsClientPackages, bundleForLambda, bytesByPackage };
