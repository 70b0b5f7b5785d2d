import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contractFileText, contractJsonSchemas } from '@rovn/core';
import type { CliIo } from './cliIo';

/** The committed contracts folder, at the repository root. */
const CONTRACTS_DIR = fileURLToPath(
  new URL('../../../../contracts', import.meta.url),
);

const USAGE = `Usage: pnpm rovn contracts write [--dir DIR]
       pnpm rovn contracts check [--dir DIR]

write  regenerates the JSON Schema files of the event contracts
       (verification.requested, verification.completed, notice) from
       core's zod schemas into contracts/ (or DIR)
check  exits 1 when a committed file differs from what write would produce
`;

/** File names of contract files that are missing or differ on disk. */
const staleContractFiles = async (dir: string): Promise<string[]> => {
  const stale: string[] = [];
  for (const [file, schema] of Object.entries(contractJsonSchemas())) {
    const onDisk = await readFile(join(dir, file), 'utf8').catch(() => null);
    if (onDisk !== contractFileText(schema)) stale.push(file);
  }

  return stale;
};

/**
 * `rovn contracts write|check`: keeps `contracts/*.schema.json`, which the
 * container tier validates against, in step with core's zod schemas.
 *
 * @param argv - the arguments after `contracts`
 * @param io - where to write
 */
const runContractsCommand = async (
  argv: string[],
  io: CliIo,
): Promise<number> => {
  let sub: string | undefined;
  let dir = CONTRACTS_DIR;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      io.stdout(USAGE);

      return 0;
    }
    sub = positionals.length === 1 ? positionals[0] : undefined;
    if (values.dir !== undefined) dir = resolve(values.dir);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);

    return 2;
  }

  if (sub === 'check') {
    const stale = await staleContractFiles(dir);
    for (const file of stale) {
      io.stderr(`${join(dir, file)} is stale: run pnpm rovn contracts write\n`);
    }

    return stale.length === 0 ? 0 : 1;
  }
  if (sub !== 'write') {
    io.stderr(`expected write or check\n\n${USAGE}`);

    return 2;
  }

  await mkdir(dir, { recursive: true });
  for (const [file, schema] of Object.entries(contractJsonSchemas())) {
    await writeFile(join(dir, file), contractFileText(schema));
    io.stdout(`${join(dir, file)}\n`);
  }

  return 0;
};

export { CONTRACTS_DIR, runContractsCommand, staleContractFiles };
