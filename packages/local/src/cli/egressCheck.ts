import { parseArgs } from 'node:util';
import { ipFamily } from '../../../core/src/egress/classifyAddress';
import { evaluateEgress } from '../../../core/src/egress/evaluateEgress';
import { systemResolver } from '../../../core/src/egress/systemResolver';
import type { ResolvedAddress, Resolver } from '../../../core/src/egress/types';
import { isSourceId, SOURCE_IDS } from '../../../core/src/topology';

/** Where the command writes; `process.stdout` and `process.stderr` fit. */
interface EgressCheckIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

const USAGE = `Usage: pnpm rovn egress check <url> [--source <id>] [--resolve <host>=<ip>[,<ip>...]]

Applies the production allow-list and every egress rule except the
connection, and prints {"allowed": ..., "rule": ...}. Exit 0 whatever the
verdict, 2 for bad arguments.

  --source ID     the source the call would be for (${SOURCE_IDS.join(', ')});
                  without it any allow-listed host is accepted
  --resolve H=IP  answer DNS for host H with these addresses (no query is
                  made); repeatable
`;

class UsageError extends Error {}

const normaliseName = (host: string): string =>
  host.trim().toLowerCase().replace(/\.$/, '');

/** Parses `host=ip[,ip...]` answers into a resolver that never uses DNS. */
const resolverFrom = (answers: readonly string[]): Resolver => {
  const table = new Map<string, ResolvedAddress[]>();
  for (const answer of answers) {
    const [host, ips, ...rest] = answer.split('=');
    if (host === undefined || host.trim() === '' || ips === undefined) {
      throw new UsageError(`--resolve expects <host>=<ip>, got "${answer}"`);
    }
    if (rest.length > 0) {
      throw new UsageError(`--resolve has more than one "=": "${answer}"`);
    }
    const addresses = ips.split(',').map((ip): ResolvedAddress => {
      const address = ip.trim();
      const family = ipFamily(address);
      if (family === undefined) {
        throw new UsageError(`--resolve address "${address}" is not an IP`);
      }

      return { address, family };
    });
    const name = normaliseName(host);
    table.set(name, [...(table.get(name) ?? []), ...addresses]);
  }

  return async (hostname) => {
    const addresses = table.get(normaliseName(hostname));
    if (addresses === undefined) {
      throw new Error('no --resolve answer for this host');
    }

    return addresses;
  };
};

/**
 * `rovn egress check <url>`: applies the production allow-list and every
 * egress rule except the connection, and prints
 * `{"allowed": ..., "rule": ...}`. Returns 0 whatever the verdict (a URL
 * that does not parse is the verdict `invalid_url`), 2 for bad arguments;
 * `--help` prints the usage. With `--resolve` no DNS query is made; without
 * `--source` any allow-listed host is accepted.
 *
 * @param argv - the arguments after `egress check`
 */
const runEgressCheck = async (
  argv: string[],
  io: EgressCheckIo,
): Promise<number> => {
  let url: string;
  let source: string | undefined;
  let resolve: Resolver;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        resolve: { type: 'string', multiple: true },
        source: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] === undefined) {
      throw new UsageError('expected exactly one URL');
    }
    url = positionals[0];
    source = values.source;
    if (source !== undefined && !isSourceId(source)) {
      throw new UsageError(
        `unknown source "${source}"; known: ${SOURCE_IDS.join(', ')}`,
      );
    }
    resolve =
      values.resolve === undefined
        ? systemResolver
        : resolverFrom(values.resolve);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'bad arguments';
    io.stderr.write(`${message}\n\n${USAGE}`);
    return 2;
  }

  const verdict = await evaluateEgress(url, {
    resolve,
    ...(source !== undefined && isSourceId(source) ? { source } : {}),
  });
  io.stdout.write(
    `${JSON.stringify({ allowed: verdict.allowed, rule: verdict.rule })}\n`,
  );

  return 0;
};

export type { EgressCheckIo };
export { runEgressCheck };
