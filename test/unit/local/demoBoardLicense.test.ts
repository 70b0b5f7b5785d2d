import { describe, expect, it } from 'vitest';
import { makeDemoRoster } from '../../../packages/local/src/demo/makeDemoRoster';

const world = makeDemoRoster({ workers: 25, today: '2026-12-03' });
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
});
