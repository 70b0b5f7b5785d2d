import { describe, expect, it } from 'vitest';
import {
  EXPIRY_NOTICE_DAYS,
  expiryNoticesDue,
} from '../../../packages/core/src/cadence/expiryNoticesDue';
import { CADENCE_POLICY } from '../../../packages/core/src/cadence/policy';

const credential = (expiresOn: string) => ({
  credentialId: 'cred-1',
  expiresOn,
});

/** The marks a credential gets if the job runs every day until expiry. */
const marksOverDays = (expiresOn: string, from: string, days: number) => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const seen = new Set<number>();
  for (let day = 0; day < days; day++) {
    const today = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (const due of expiryNoticesDue([credential(expiresOn)], today)) {
      seen.add(due.mark);
    }
  }

  return [...seen];
};

describe('expiryNoticesDue', () => {
  it('uses the day marks of the license cadence before expiry', () => {
    const license = CADENCE_POLICY.find((p) => p.credential === 'license');

    const fromPolicy = (license?.expiryCheckDays ?? []).filter((d) => d >= 0);

    expect([...EXPIRY_NOTICE_DAYS]).toEqual(fromPolicy);
  });

  it('yields every mark once over the days before expiry', () => {
    const marks = marksOverDays('2026-09-30', '2026-06-01', 130);

    expect(marks).toEqual([90, 60, 30, 14, 7, 3, 0]);
  });

  it('gives the mark reached with the exact days left', () => {
    const due = expiryNoticesDue([credential('2026-07-30')], '2026-06-01');

    expect(due).toEqual([
      {
        credentialId: 'cred-1',
        expiresOn: '2026-07-30',
        mark: 60,
        daysUntilExpiry: 59,
      },
    ]);
  });

  it('sends only the latest missed mark, never the earlier ones', () => {
    const due = expiryNoticesDue([credential('2026-06-06')], '2026-06-01');

    expect(due.map((d) => d.mark)).toEqual([7]);
  });

  it('yields nothing past expiry or beyond the longest lead time', () => {
    const due = expiryNoticesDue(
      [credential('2026-05-31'), credential('2026-12-31')],
      '2026-06-01',
    );

    expect(due).toEqual([]);
  });

  it('starts afresh for a renewed expiry date', () => {
    const before = expiryNoticesDue([credential('2026-06-04')], '2026-06-01');
    const renewed = expiryNoticesDue([credential('2028-06-04')], '2026-06-01');
    const later = expiryNoticesDue([credential('2028-06-04')], '2028-03-06');

    expect(before.map((d) => d.mark)).toEqual([3]);
    expect(renewed).toEqual([]);
    expect(later.map((d) => [d.expiresOn, d.mark])).toEqual([
      ['2028-06-04', 90],
    ]);
  });
});
