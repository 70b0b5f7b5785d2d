import { join, resolve } from 'node:path';
import { FUNCTIONS, SOURCES } from '@rovn/core';

const ROOT = resolve(import.meta.dirname, '..');

/** One deployed function: its topology id and its entry file. */
interface DeployedFunction {
  name: string;
  entry: string;
}

/**
 * Every deployed function, read from core's topology: the scheduled and
 * queue functions and each source's adapter. A source added to the
 * topology is benchmarked and checked without further wiring.
 */
const deployedFunctions = (): DeployedFunction[] =>
  [
    ...Object.values(FUNCTIONS),
    ...Object.values(SOURCES).map((s) => s.adapter),
  ].map((spec) => ({
    name: spec.id,
    entry: join(ROOT, `${spec.handler.replace(/\.[^.]+$/, '')}.ts`),
  }));

export type { DeployedFunction };
export { deployedFunctions };
