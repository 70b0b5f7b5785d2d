import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cadencePolicyFor } from '../../../packages/core/src/cadence/cadencePolicyFor';
import {
  CADENCE_POLICY,
  type CadencePolicy,
} from '../../../packages/core/src/cadence/policy';
import { renderCadenceTable } from '../../../packages/core/src/cadence/renderCadenceTable';
import { CADENCE_SCHEDULES } from '../../../packages/core/src/cadence/schedules';
import { isBoardSource } from '../../../packages/core/src/sources/board-saas/boards';
import { SOURCE_IDS } from '../../../packages/core/src/topology';

const RATE_MINUTES = /^rate\((\d+) minutes?\)$/;

const policy = (overrides: Partial<CadencePolicy>): CadencePolicy => {
  const base = CADENCE_POLICY[0];
  if (base === undefined) throw new Error('the policy is empty');

  return { ...base, ...overrides };
};

describe('CADENCE_POLICY', () => {
  it.each(SOURCE_IDS.filter((id) => !isBoardSource(id)))(
    'has an entry for source %s',
    (source) => {
      const entries = CADENCE_POLICY.filter((p) => p.source === source);

      expect(entries.length).toBeGreaterThan(0);
    },
  );

  it.each(SOURCE_IDS.filter(isBoardSource))(
    're-checks the licenses of board %s under the license policy of any source',
    (source) => {
      expect(cadencePolicyFor(source, 'license')).toMatchObject({
        source: '*',
        credential: 'license',
      });
    },
  );

  it('holds one entry per source and credential kind', () => {
    const keys = CADENCE_POLICY.map((p) => `${p.source}/${p.credential}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(CADENCE_POLICY.map((p) => [`${p.source}/${p.credential}`, p]))(
    'keeps %s re-checked inside its window, retries included',
    (_key, entry) => {
      const { baseIntervalMs, adverseIntervalMs, retryCapMs, windowMs } =
        entry as CadencePolicy;

      expect(baseIntervalMs + retryCapMs).toBeLessThan(windowMs);
      expect(adverseIntervalMs).toBeLessThan(baseIntervalMs);
      expect(retryCapMs).toBeLessThan(adverseIntervalMs);
    },
  );

  it('sweeps more often than the shortest retry delay', () => {
    const minutes = Number(RATE_MINUTES.exec(CADENCE_SCHEDULES.sweep)?.[1]);
    const shortest = Math.min(...CADENCE_POLICY.map((p) => p.retryBaseMs));

    expect(minutes * 60_000).toBeLessThanOrEqual(shortest);
  });

  it('re-screens exclusion lists when a new list arrives', () => {
    const leie = cadencePolicyFor('oig-leie', 'exclusion_screen');

    expect(leie.triggers).toContain('new-list');
  });

  it('checks licenses 90, 60, 30, 14, 7, 3 and 0 days before expiry and after', () => {
    const license = cadencePolicyFor('any-license-board', 'license');

    expect(license.expiryCheckDays).toEqual([90, 60, 30, 14, 7, 3, 0, -1]);
  });
});

describe('cadencePolicyFor', () => {
  it("prefers a source's own entry to the '*' entry of its kind", () => {
    const own = policy({ source: 'nppes', credential: 'license', windowMs: 1 });
    const any = policy({ source: '*', credential: 'license', windowMs: 2 });

    const found = cadencePolicyFor('nppes', 'license', [any, own]);

    expect(found).toBe(own);
  });
});

describe('renderCadenceTable', () => {
  it('lists every entry with its numbers and the schedules', () => {
    const table = renderCadenceTable();

    expect(table.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(
      CADENCE_POLICY.length + 1,
    );
    expect(table).toContain(
      '| OIG List of Excluded Individuals/Entities (`oig-leie`) | exclusion screening | every 28 days; at once when a new list is loaded | 7 days |',
    );
    expect(table).toContain(
      '90, 60, 30, 14, 7, 3 and 0 days before; 1 day after',
    );
    expect(table).toContain(CADENCE_SCHEDULES.sweep);
    expect(table).toContain(CADENCE_SCHEDULES.listRefresh);
  });

  it('is the table the README shows', () => {
    const readme = readFileSync(
      new URL('../../../README.md', import.meta.url),
      'utf8',
    );

    expect(readme).toContain(renderCadenceTable());
  });
});
