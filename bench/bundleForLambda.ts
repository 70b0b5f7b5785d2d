import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLING, SST_ESM_DEFAULTS } from '../stacks/lambdaBundling';

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
 * Bundles one entry the way the stacks deploy it: SST v2's own ESM
 * settings and the app's (stacks/lambdaBundling.ts), the same module the
 * stacks read. No source map: Lambda does not load it at start.
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
    ...SST_ESM_DEFAULTS,
    mainFields: [...SST_ESM_DEFAULTS.mainFields],
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    target: LAMBDA_BUNDLING.esbuild.target,
    external: [
      ...SST_ESM_DEFAULTS.external,
      ...LAMBDA_BUNDLING.esbuild.external,
    ],
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
 * The AWS SDK client packages (`@aws-sdk/client-*`) whose code is in a
 * bundle, read from its metafile. Only inputs that kept bytes count: the
 * metafile also lists modules esbuild read and then shook out entirely.
 */
const awsClientPackages = (metafile: Metafile): string[] => {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(path);
      if (match?.[1] !== undefined && input.bytesInOutput > 0) {
        found.add(match[1]);
      }
    }
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
