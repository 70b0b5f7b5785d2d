import { describe, expect, it } from 'vitest';
import { CadenceError } from '../../../packages/core/src/cadence/errors';
import {
  type NextDueInput,
  nextDueAt,
} from '../../../packages/core/src/cadence/nextDueAt';
import { nextExpiryCheck } from '../../../packages/core/src/cadence/nextExpiryCheck';
import { DAY, HOUR } from '../../../packages/core/src/cadence/policy';

const NOW = new Date('2026-03-01T08:00:00Z');

const input = (overrides: Partial<NextDueInput> = {}): NextDueInput => ({
  source: 'nppes',
  credentialKind: 'npi',
  expiresOn: null,
  outcome: 'clear',
  consecutiveFailures: 0,
  now: NOW,
  random: () => 0.5,
  ...overrides,
});

const daysAfterNow = (date: Date): number =>
  (date.getTime() - NOW.getTime()) / DAY;

describe('nextDueAt', () => {
  it.each([
    ['nppes', 'npi', 'clear', 30],
    ['nppes', 'npi', 'not_found', 30],
    ['nppes', 'npi', 'flagged', 7],
    ['oig-leie', 'exclusion_screen', 'clear', 28],
    ['oig-leie', 'exclusion_screen', 'needs_review', 7],
    ['oig-leie', 'exclusion_screen', 'expired', 28],
  ] as const)(
    'schedules %s (%s) %s after %i days',
    (source, kind, outcome, days) => {
      const due = nextDueAt(input({ source, credentialKind: kind, outcome }));

      expect(daysAfterNow(due)).toBe(days);
    },
  );

  it('backs off source_unavailable exponentially, with jitter, up to the cap', () => {
    const delays = [1, 2, 3, 4, 10, 40].map(
      (failures) =>
        nextDueAt(
          input({
            outcome: 'source_unavailable',
            consecutiveFailures: failures,
            random: () => 0.999_999,
          }),
        ).getTime() - NOW.getTime(),
    );

    expect(delays.map((ms) => Math.round(ms / 60_000))).toEqual([
      15, 30, 60, 120, 720, 720,
    ]);
  });

  it('keeps the jitter between half and all of the delay', () => {
    const low = nextDueAt(
      input({
        outcome: 'source_unavailable',
        consecutiveFailures: 1,
        random: () => 0,
      }),
    );
    const high = nextDueAt(
      input({
        outcome: 'source_unavailable',
        consecutiveFailures: 1,
        random: () => 0.999_999,
      }),
    );

    expect(low.getTime() - NOW.getTime()).toBe(7.5 * 60_000);
    expect(high.getTime() - NOW.getTime()).toBeLessThanOrEqual(15 * 60_000);
    expect(high.getTime() - NOW.getTime()).toBeGreaterThan(14.9 * 60_000);
  });

  it('brings a license back at its next expiry check when that comes first', () => {
    const due = nextDueAt(
      input({
        source: 'nppes',
        credentialKind: 'license',
        expiresOn: '2026-03-20',
      }),
    );

    expect(due.toISOString()).toBe('2026-03-06T12:00:00.000Z');
  });

  it('checks a license again the day after it expires', () => {
    const due = nextDueAt(
      input({
        credentialKind: 'license',
        expiresOn: '2026-03-01',
        now: new Date('2026-03-01T12:00:01Z'),
      }),
    );

    expect(due.toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });

  it('falls back to the base interval once every expiry check has passed', () => {
    const due = nextDueAt(
      input({ credentialKind: 'license', expiresOn: '2025-12-31' }),
    );

    expect(daysAfterNow(due)).toBe(28);
  });

  it('keeps a retry sooner than the next expiry check', () => {
    const due = nextDueAt(
      input({
        credentialKind: 'license',
        expiresOn: '2026-03-20',
        outcome: 'source_unavailable',
        consecutiveFailures: 1,
      }),
    );

    expect(due.getTime() - NOW.getTime()).toBeLessThan(HOUR);
  });

  it('refuses a source and credential kind no policy covers', () => {
    const act = () =>
      nextDueAt(input({ source: 'nppes', credentialKind: 'exclusion_screen' }));

    expect(act).toThrow(CadenceError);
    expect(act).toThrow(/source nppes and credential kind exclusion_screen/);
  });
});

describe('nextExpiryCheck', () => {
  it('lists the expiry checks in order at noon UTC', () => {
    const days = [90, 60, 30, 14, 7, 3, 0, -1];
    const seen: string[] = [];
    let at = new Date('2026-01-01T00:00:00Z');

    for (
      let next = nextExpiryCheck('2026-06-30', days, at);
      next !== null;
      next = nextExpiryCheck('2026-06-30', days, at)
    ) {
      seen.push(next.toISOString().slice(0, 16));
      at = next;
    }

    expect(seen).toEqual([
      '2026-04-01T12:00',
      '2026-05-01T12:00',
      '2026-05-31T12:00',
      '2026-06-16T12:00',
      '2026-06-23T12:00',
      '2026-06-27T12:00',
      '2026-06-30T12:00',
      '2026-07-01T12:00',
    ]);
  });

  it('refuses an expiry date that is not YYYY-MM-DD', () => {
    const act = () => nextExpiryCheck('06/30/2026', [0], NOW);

    expect(act).toThrow(CadenceError);
  });
});
