import { describe, expect, it } from 'vitest';
import { parseBoardDate } from '../../../packages/core/src/sources/board-saas/parseBoardDate';
import { licenseKey } from '../../../packages/core/src/sources/nursys/licenseKey';
import { parseNursysDate } from '../../../packages/core/src/sources/nursys/parseNursysDate';
import { makeDemoRoster } from '../../../packages/local/src/demo/makeDemoRoster';

const TODAY = '2026-12-03';
const world = makeDemoRoster({ workers: 25, today: TODAY });
const registry = world.boards['board-ks']?.registrants ?? [];

/** The registrants the SaaS's substring search finds for a keyword. */
const found = (keyword: string) =>
  registry.filter((r) =>
    String(r.licenseNumber).toLowerCase().includes(keyword.toLowerCase()),
  );

describe('the demo Kansas licenses', () => {
  it('gives every worker one KS RN license credential and a board-ks check on it', () => {
    const licenses = world.roster.credentials.filter(
      (c) => c.kind === 'license',
    );
    const checks = world.roster.checks.filter((c) => c.source === 'board-ks');

    expect(licenses).toHaveLength(25);
    expect(licenses[0]).toMatchObject({
      id: 'w-00001-license',
      jurisdiction: 'KS',
      license_type: 'RN',
      number: 'RN000001',
    });
    expect(checks.map((c) => c.credential_id)).toEqual(
      licenses.map((c) => c.id),
    );
  });

  it('has substring collisions the adapter must narrow, one across two pages', () => {
    const collision = Object.entries(world.boardProfiles).filter(
      ([, profile]) => profile === 'collision' || profile === 'collision_paged',
    );
    const numbers = collision.map(
      ([id]) =>
        world.roster.credentials.find((c) => c.id === `${id}-license`)
          ?.number ?? '',
    );

    expect(numbers.map((n) => found(n).length)).toEqual([3, 13]);
    expect(
      numbers.map((n) => found(n).filter((r) => r.licenseNumber === n)),
    ).toEqual([[expect.anything()], [expect.anything()]]);
  });

  it("keeps every worker's keyword clear of other workers' licenses", () => {
    const numbers = world.roster.credentials
      .filter((c) => c.kind === 'license')
      .map((c) => c.number ?? '');

    for (const number of numbers) {
      const others = found(number).filter(
        (r) =>
          numbers.includes(String(r.licenseNumber)) &&
          r.licenseNumber !== number,
      );

      expect(others).toEqual([]);
    }
  });

  it('has Nursys and the board agree on every unexpired license date, one 20 days out', () => {
    const dates = world.roster.credentials
      .filter((c) => c.kind === 'license')
      .map((c) => {
        const number = c.number ?? '';
        const key = licenseKey({
          jurisdiction: 'KS',
          licenseType: 'RN',
          licenseNumber: number,
        });
        const behaviour = world.nursys[key];
        const nurse =
          behaviour?.kind === 'result'
            ? (behaviour.records[0]?.NurseLookup as {
                Licenses: { LicenseExpirationDate: unknown }[];
              })
            : undefined;
        const own = registry.find((r) => r.licenseNumber === number);
        const nursys = parseNursysDate(
          nurse?.Licenses[0]?.LicenseExpirationDate,
        );
        const board = parseBoardDate(own?.expirationDate);

        return {
          nursys: nursys.kind === 'day' ? nursys.day : null,
          board: board.kind === 'day' ? board.day : null,
        };
      });
    const unexpired = dates.filter(
      (d) =>
        d.nursys !== null &&
        d.board !== null &&
        d.nursys >= TODAY &&
        d.board >= TODAY,
    );

    expect(unexpired.length).toBeGreaterThan(15);
    for (const d of unexpired) expect(d.nursys).toBe(d.board);
    expect(unexpired.filter((d) => (d.board ?? '') < '2027-01-01')).toEqual([
      { nursys: '2026-12-23', board: '2026-12-23' },
    ]);
  });
});
