import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { StoreError } from './errors';
import * as initial from './migrations/0001_initial';
import * as suppressions from './migrations/0002_suppressions';
import * as messageFailures from './migrations/0003_message_failures';
import * as cadenceCoverage from './migrations/0004_cadence_coverage';
import * as sourceCallBudget from './migrations/0005_source_call_budget';
import * as nursysTransactions from './migrations/0006_nursys_transactions';
import * as formerFamilyNames from './migrations/0007_former_family_names';

/**
 * Forward-only migrations, in order. A migration is never edited once it
 * has shipped: a change is a new entry.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_suppressions': suppressions,
  '0003_message_failures': messageFailures,
  '0004_cadence_coverage': cadenceCoverage,
  '0005_source_call_budget': sourceCallBudget,
  '0006_nursys_transactions': nursysTransactions,
  '0007_former_family_names': formerFamilyNames,
};

/** Brings the schema up to date; throws with the failing migration's name. */
const migrateToLatest = async (db: Kysely<unknown>): Promise<string[]> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined) {
    throw new StoreError(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed; the schema is unchanged past the last applied migration`,
      { cause: error },
    );
  }

  return results.map((r) => r.migrationName);
};

export { migrateToLatest };
