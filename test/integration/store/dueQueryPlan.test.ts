import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDueChecks,
  countDueChecks,
  dueClaimQuery,
  type Store,
} from '../../../packages/core/src/store';
import { seedSyntheticChecks } from '../../../packages/local/src/demo/seedSyntheticChecks';
import { openTestStore } from '../../helpers/db';

const ON_SERVER = Boolean(process.env.DATABASE_URL);
// PGlite seeds slowly and plans without the server's statistics; the
// plan assertions run on the server only (CI sets DATABASE_URL).
const CHECKS = ON_SERVER ? 200_000 : 20_000;
const DUE = CHECKS / 20;
const PAGE = 500;
const NOW = new Date('2026-06-01T12:00:00Z');
const LEASE_MS = 30 * 60_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [
  node,
  ...(node.Plans ?? []).flatMap(flatten),
];

const explainClaim = async (
  store: Store,
  mode: 'plan' | 'analyze',
): Promise<PlanNode[]> => {
  const query = dueClaimQuery({
    now: NOW,
    limit: PAGE,
    leaseId: randomUUID(),
    leaseExpiresAt: new Date(NOW.getTime() + LEASE_MS),
  });
  const compiled = query.compile(store.db);
  const options = mode === 'analyze' ? 'analyze, ' : '';
  // EXPLAIN ANALYZE runs the update: roll it back so nothing is claimed.
  const plan = await store.db
    .transaction()
    .execute(async (trx) => {
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': unknown }>({
        ...compiled,
        sql: `explain (${options}format json) ${compiled.sql}`,
      });
      throw new PlanCaptured(rows[0]?.['QUERY PLAN']);
    })
    .catch((error: unknown) => {
      if (error instanceof PlanCaptured) return error.plan;
      throw error;
    });
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as {
    Plan: PlanNode;
  }[];
  const root = parsed[0]?.Plan;
  if (root === undefined) throw new Error('EXPLAIN returned no plan');

  return flatten(root);
};

class PlanCaptured extends Error {
  constructor(readonly plan: unknown) {
    super('plan captured');
  }
}

describe('the due-checks claim at scale', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    await seedSyntheticChecks(store.db, { checks: CHECKS, due: DUE, now: NOW });
  }, 300_000);

  afterAll(async () => {
    await store.close();
  });

  it.runIf(ON_SERVER)(
    'reads the due range through the index, never scanning all checks',
    async () => {
      const nodes = await explainClaim(store, 'plan');

      const seqScans = nodes.filter(
        (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'checks',
      );
      const indexScans = nodes.filter(
        (n) =>
          n['Node Type'].startsWith('Index') &&
          n['Relation Name'] === 'checks' &&
          n['Index Name'] === 'checks_due_idx',
      );
      expect(seqScans).toEqual([]);
      expect(indexScans).toHaveLength(1);
    },
  );

  it('claims every due check exactly once, page by page', async () => {
    const seen = new Set<string>();
    let pages = 0;

    for (;;) {
      const claims = await claimDueChecks(store.db, {
        now: NOW,
        limit: PAGE,
        leaseMs: LEASE_MS,
      });
      if (claims.length === 0) break;
      pages += 1;
      for (const claim of claims) seen.add(claim.checkId);
      if (pages === DUE / PAGE / 2 && ON_SERVER) {
        // Half-way: claimed checks must have left the range the index
        // scan walks, or every page would re-read all earlier claims.
        const nodes = await explainClaim(store, 'analyze');
        const scan = nodes.find((n) => n['Index Name'] === 'checks_due_idx');
        expect(scan?.['Rows Removed by Filter'] ?? 0).toBe(0);
        expect(scan?.['Actual Rows']).toBe(PAGE);
      }
    }

    expect(seen.size).toBe(DUE);
    expect(pages).toBe(DUE / PAGE);
    expect(await countDueChecks(store.db, NOW)).toBe(0);
  });
});
