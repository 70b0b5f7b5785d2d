import { type ParseArgsConfig, parseArgs } from 'node:util';
import { RovnError } from '@rovn/core';
import {
  type OperatorTarget,
  operatorTarget,
  TARGET_OPTIONS,
} from './operatorTarget';

/** A command's own flags, in `parseArgs` form. */
type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/** The flag values `parseArgs` gave, shared and own alike. */
type FlagValues = Record<string, string | boolean | undefined>;

/** What a command's own arguments came to: its request, or a problem. */
type OwnArgs<T> = { args: T } | { problem: string };

/** Checks a command's own positionals and flags, before the target. */
type CheckOwnArgs<T> = (
  positionals: string[],
  values: FlagValues,
) => OwnArgs<T>;

/** What an operator command's arguments came to. */
type ParsedOperatorArgs<T> =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; args: T; values: FlagValues; target: OperatorTarget };

/**
 * Parses an operator command's arguments: its own flags, the shared
 * target flags and `--help`; then checks the command's own arguments
 * (subcommand, source, limits), and only then resolves the target (which
 * refuses any region but the home one and wants a stage on AWS), so a
 * mistyped subcommand is reported as such rather than as a missing
 * `--stage`. Bad input is a `kind: 'error'` result, so the command can
 * print its usage and exit 2.
 *
 * @param argv - the arguments after the command's name
 * @param env - the environment
 * @param extra - the command's own flags
 * @param checkOwn - checks the command's own positionals and flags
 */
const parseOperatorArgs = <T>(
  argv: string[],
  env: Record<string, string | undefined>,
  extra: ExtraOptions,
  checkOwn: CheckOwnArgs<T>,
): ParsedOperatorArgs<T> => {
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
    const flat = values as FlagValues;
    const own = checkOwn(positionals, flat);
    if ('problem' in own) return { kind: 'error', message: own.problem };

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

    return { kind: 'ok', args: own.args, values: flat, target };
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

export type { CheckOwnArgs, FlagValues, OwnArgs, ParsedOperatorArgs };
export { parseOperatorArgs };
