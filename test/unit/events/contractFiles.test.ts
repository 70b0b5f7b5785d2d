import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contractJsonSchemas,
  verificationRequestedSchema,
} from '../../../packages/core/src';
import {
  CONTRACTS_DIR,
  runContractsCommand,
  staleContractFiles,
} from '../../../packages/local/src/cli/writeContracts';

const silentIo = { stdout: () => undefined, stderr: () => undefined };

describe('contracts/*.schema.json', () => {
  it('match the zod schemas (run pnpm rovn contracts write if not)', async () => {
    const stale = await staleContractFiles(CONTRACTS_DIR);

    expect(stale).toEqual([]);
  });

  it('cover the request, completion and notice contracts', () => {
    const files = Object.keys(contractJsonSchemas()).sort();

    expect(files).toEqual([
      'notice.schema.json',
      'verification.completed.schema.json',
      'verification.requested.schema.json',
    ]);
  });

  it('require every field the zod request schema requires', async () => {
    const text = await readFile(
      join(CONTRACTS_DIR, 'verification.requested.schema.json'),
      'utf8',
    );

    const schema = JSON.parse(text) as { required: string[] };

    expect(schema.required.sort()).toEqual(
      Object.keys(verificationRequestedSchema.shape).sort(),
    );
  });
});

describe('rovn contracts', () => {
  it('writes files that check then accepts, and flags an edited one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rovn-contracts-'));
    try {
      const written = await runContractsCommand(
        ['write', '--dir', dir],
        silentIo,
      );
      const fresh = await runContractsCommand(
        ['check', '--dir', dir],
        silentIo,
      );
      await writeFile(join(dir, 'notice.schema.json'), '{}\n');

      const edited = await runContractsCommand(
        ['check', '--dir', dir],
        silentIo,
      );

      expect([written, fresh, edited]).toEqual([0, 0, 1]);
      expect(await staleContractFiles(dir)).toEqual(['notice.schema.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
