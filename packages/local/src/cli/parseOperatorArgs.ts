import { type ParseArgsConfig, parseArgs } from 'node:util';
import { RovnError } from '@rovn/core';
import {
  type OperatorTarget,
  operatorTarget,
  TARGET_OPTIONS,
} from './operatorTarget';

/** A command's own flags, in `parseArgs` form. */
type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/** What an operator command's arguments came to. */
type ParsedOperatorArgs =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ok';
      positionals: string[];
      values: Record<string, string | boolean | undefined>;
      target: OperatorTarget;
    };

/**
 * Parses an operator command's arguments: its own flags, the shared
 * target flags and `--help`, then resolves the target (which refuses any
 * region but the home one). Bad input is a `kind: 'error'` result, so the
 * command can print its usage and exit 2.
 *
 * @param argv - the arguments after the command's name
 * @param env - the environment
 * @param extra - the command's own flags
 */
const parseOperatorArgs = (
  argv: string[],
  env: Record<string, string | undefined>,
  extra: ExtraOptions,
): ParsedOperatorArgs => {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...TARGET_OPTIONS,
        ...extra,
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) return { kind: 'help' };
    const flat = values as Record<string, string | boolean | undefined>;
    const text = (name: string): { [key: string]: string } => {
      const value = flat[name];
      return typeof value === 'string' ? { [name]: value } : {};
    };
    const target = operatorTarget(
      {
        ...text('endpoint'),
        ...text('stage'),
        ...text('prefix'),
        ...text('region'),
      },
      env,
    );

    return { kind: 'ok', positionals, values: flat, target };
  } catch (error) {
    if (error instanceof RovnError || isParseArgsError(error)) {
      return { kind: 'error', message: (error as Error).message };
    }
    throw error;
  }
};

const isParseArgsError = (error: unknown): boolean =>
  error instanceof TypeError &&
  String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');

export type { ParsedOperatorArgs };
export { parseOperatorArgs };
