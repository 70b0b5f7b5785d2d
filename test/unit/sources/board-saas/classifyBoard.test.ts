import { describe, expect, it } from 'vitest';
import type { ParsedBoardResponse } from '../../../../packages/core/src/sources/board-saas';
import { makeBoardRecord } from '../../../../packages/core/src/sources/board-saas/boardBodyFactory';
import { classifyBoard } from '../../../../packages/core/src/sources/board-saas/classifyBoard';
import { parseBoardResponse } from '../../../../packages/core/src/sources/board-saas/parseBoardResponse';
import {
  collision,
  FIRST,
  KANSAS,
  LICENSE,
  licensedSubject,
  listing,
  registrant,
} from './factories';

const TODAY = '2025-01-15';

/** Parses first pages of the given records and classifies them. */
const classify = (
  records: readonly Record<string, unknown>[],
  options: {
    resultCount?: number;
    subject?: ReturnType<typeof licensedSubject>;
  } = {},
) =>
  classifyBoard(
    options.subject ?? licensedSubject(),
    [parseBoardResponse(listing(records, options.resultCount), FIRST)],
    { board: KANSAS, today: TODAY },
  );

const codes = (result: { findings: { code: string }[] }): string[] =>
  result.findings.map((found) => found.code);

describe('classifyBoard', () => {
  it('clears the exact, active, unexpired license under the worker name', () => {
    const result = classify([registrant()]);

    expect(result.outcome).toBe('clear');
    expect(codes(result)).toEqual(['license_active', 'searched']);
  });

  it('narrows a substring search to the exact number (C and R prefixes, longer numbers)', () => {
    const result = classify([
      collision(`C${LICENSE}`),
      collision(`R${LICENSE}`),
      collision(`${LICENSE}0`),
      registrant(),
    ]);

    expect(result.outcome).toBe('clear');
    expect(result.findings.at(-1)?.data).toMatchObject({
      resultCount: 4,
      otherLicenses: 3,
    });
  });

  it('is not_found when only other numbers contain the keyword', () => {
    const result = classify([
      collision(`C${LICENSE}`),
      collision(`${LICENSE}7`),
    ]);

    expect(result.outcome).toBe('not_found');
    expect(codes(result)).toEqual(['license_not_found', 'searched']);
  });

  it('is not_found for an empty search', () => {
    expect(classify([]).outcome).toBe('not_found');
  });

  it('ignores case and surrounding space of the number, nothing else', () => {
    const lower = classify([
      registrant({ licenseNumber: ` ${LICENSE.toLowerCase()} ` }),
    ]);
    const dashed = classify([registrant({ licenseNumber: 'RN-507918' })]);

    expect(lower.outcome).toBe('clear');
    expect(dashed.outcome).toBe('not_found');
  });

  it('accepts the type spelled out and sends another type to a person', () => {
    const spelled = classify([
      registrant({}, { licenseType: 'Registered Nurse' }),
    ]);
    const other = classify([registrant({}, { licenseType: 'LPN' })]);

    expect(spelled.outcome).toBe('clear');
    expect(other.outcome).toBe('needs_review');
    expect(codes(other)).toEqual(['license_type_mismatch', 'searched']);
  });

  it('flags a public action', () => {
    const result = classify([registrant({}, { hasPublicAction: true })]);

    expect(result.outcome).toBe('flagged');
    expect(codes(result)).toEqual(['discipline', 'searched']);
  });

  it.each(['Revoked', 'Suspended', 'Active - Probation', 'SURRENDERED'])(
    'flags the disciplinary status %s',
    (status) => {
      expect(
        classify([registrant({}, { licenseStatus: status })]).outcome,
      ).toBe('flagged');
    },
  );

  it('flags discipline on an expired license, noting both', () => {
    const result = classify([
      registrant(
        {},
        {
          licenseStatus: 'Expired',
          expirationDate: 'Jan-31-2024',
          hasPublicAction: true,
        },
      ),
    ]);

    expect(result.outcome).toBe('flagged');
    expect(codes(result)).toEqual([
      'discipline',
      'license_inactive',
      'searched',
    ]);
  });

  it.each(['Expired', 'Inactive', 'Lapsed', 'lapsed', 'Retired'])(
    'calls the status %s expired',
    (status) => {
      const result = classify([registrant({}, { licenseStatus: status })]);

      expect(result.outcome).toBe('expired');
      expect(codes(result)).toEqual(['license_inactive', 'searched']);
    },
  );

  it('calls an active license past its expiration date expired', () => {
    const result = classify([
      registrant({}, { expirationDate: 'Jan-14-2025' }),
    ]);

    expect(result.outcome).toBe('expired');
    expect(codes(result)).toEqual(['license_expired', 'searched']);
  });

  it('keeps a license valid through its expiration day', () => {
    expect(
      classify([registrant({}, { expirationDate: 'Jan-15-2025' })]).outcome,
    ).toBe('clear');
  });

  it.each(['Pending', 'Active?', 'Activ', 'Current - Pending Renewal'])(
    'never clears the unknown status %s',
    (status) => {
      const result = classify([registrant({}, { licenseStatus: status })]);

      expect(result.outcome).toBe('needs_review');
      expect(codes(result)).toEqual(['license_status_unknown', 'searched']);
    },
  );

  it('never clears without word on public actions or expiration', () => {
    const noAction = classify([registrant({}, { hasPublicAction: null })]);
    const noDate = classify([registrant({}, { expirationDate: null })]);

    expect([noAction.outcome, codes(noAction)[0]]).toEqual([
      'needs_review',
      'discipline_unknown',
    ]);
    expect([noDate.outcome, codes(noDate)[0]]).toEqual([
      'needs_review',
      'expiration_unknown',
    ]);
  });

  it('sends a license under another name to a person, with its adverse facts', () => {
    const result = classify([
      registrant(
        { firstName: 'MORGANA', lastName: 'VEXLEY' },
        { hasPublicAction: true },
      ),
    ]);

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['name_mismatch', 'discipline', 'searched']);
  });

  it('sends a partly matching name or a missing first name to a person', () => {
    const partial = classify([registrant({ firstName: 'D' })]);
    const missing = classify([registrant({ firstName: null })]);

    expect([partial.outcome, codes(partial)[0]]).toEqual([
      'needs_review',
      'name_partial_match',
    ]);
    expect([missing.outcome, codes(missing)[0]]).toEqual([
      'needs_review',
      'name_unverifiable',
    ]);
  });

  it('sends a number listed twice to a person', () => {
    const result = classify([
      registrant(),
      registrant({}, { registrantId: 2 }),
    ]);

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['ambiguous_license', 'searched']);
  });

  it('never concludes not_found from a partial page set', () => {
    const records = Array.from({ length: 10 }, (_, k) =>
      collision(`${LICENSE}${k}`),
    );

    const result = classify(records, { resultCount: 11 });

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['results_truncated', 'searched']);
  });

  it('does not clear a license found in a partial page set, but lets adverse facts stand', () => {
    const others = Array.from({ length: 9 }, (_, k) =>
      collision(`${LICENSE}${k}`),
    );

    const found = classify([registrant(), ...others], { resultCount: 60 });
    const flagged = classify(
      [registrant({}, { hasPublicAction: true }), ...others],
      { resultCount: 60 },
    );

    expect(found.outcome).toBe('needs_review');
    expect(flagged.outcome).toBe('flagged');
    expect(codes(flagged)).toEqual([
      'discipline',
      'results_truncated',
      'searched',
    ]);
  });

  it('reads the license from the second page of a result set', () => {
    const firstPage = Array.from({ length: 10 }, (_, k) =>
      collision(`${LICENSE}${k}`),
    );
    const pages = [
      parseBoardResponse(listing(firstPage, 12), FIRST),
      parseBoardResponse(
        listing([collision(`C${LICENSE}`), registrant()], 12),
        {
          skip: 10,
          take: 10,
        },
      ),
    ];

    const result = classifyBoard(licensedSubject(), pages, {
      board: KANSAS,
      today: TODAY,
    });

    expect(result.outcome).toBe('clear');
    expect(result.findings.at(-1)?.data).toMatchObject({
      resultCount: 12,
      recordsRead: 12,
      otherLicenses: 11,
    });
  });

  it('refuses pages that do not chain into one result set', () => {
    const first = parseBoardResponse(
      listing(
        Array.from({ length: 10 }, (_, k) => collision(`${LICENSE}${k}`)),
        12,
      ),
      FIRST,
    );
    const changed = parseBoardResponse(listing([registrant()], 11), {
      skip: 10,
      take: 10,
    });

    const result = classifyBoard(licensedSubject(), [first, changed], {
      board: KANSAS,
      today: TODAY,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(codes(result)).toEqual(['result_set_changed']);
  });

  it.each([
    [{ kind: 'rate_limited' }, 'rate_limited'],
    [{ kind: 'refused', status: 403 }, 'access_refused'],
    [{ kind: 'source_error', status: 500 }, 'source_error'],
    [{ kind: 'board_error', errorCode: '7' }, 'board_error'],
    [{ kind: 'unreadable', reason: 'html_body' }, 'unreadable_response'],
  ] as [ParsedBoardResponse, string][])(
    'ends %j as source_unavailable (%s)',
    (parsed, code) => {
      const result = classifyBoard(licensedSubject(), [parsed], {
        board: KANSAS,
        today: TODAY,
      });

      expect(result.outcome).toBe('source_unavailable');
      expect(codes(result)).toEqual([code]);
    },
  );

  it('ends a failed second page as source_unavailable although the first found the license', () => {
    const first = parseBoardResponse(
      listing(
        [
          registrant(),
          ...Array.from({ length: 9 }, (_, k) => collision(`${LICENSE}${k}`)),
        ],
        12,
      ),
      FIRST,
    );

    const result = classifyBoard(
      licensedSubject(),
      [first, { kind: 'source_error', status: 502 }],
      { board: KANSAS, today: TODAY },
    );

    expect(result.outcome).toBe('source_unavailable');
  });

  it('says no_answer when no page was read', () => {
    const result = classifyBoard(licensedSubject(), [], {
      board: KANSAS,
      today: TODAY,
    });

    expect([result.outcome, codes(result)]).toEqual([
      'source_unavailable',
      ['no_answer'],
    ]);
  });

  it('is invalid_input for a subject without a Kansas license, whatever the body', () => {
    const none = classify([registrant()], {
      subject: licensedSubject({ license: undefined }),
    });
    const texas = classify([registrant()], {
      subject: licensedSubject({
        license: { jurisdiction: 'TX', number: LICENSE, type: 'RN' },
      }),
    });

    expect([none.outcome, codes(none)]).toEqual([
      'invalid_input',
      ['license_missing'],
    ]);
    expect([texas.outcome, codes(texas)]).toEqual([
      'invalid_input',
      ['license_jurisdiction_mismatch'],
    ]);
  });

  it('puts neither the license number nor names in findings', () => {
    const results = [
      classify([registrant()]),
      classify([registrant({ firstName: 'MORGANA', lastName: 'VEXLEY' })]),
      classify([collision(`C${LICENSE}`)]),
    ];

    const text = JSON.stringify(results);

    expect(text).not.toMatch(/507918|DELPHINE|MERRIWEATHER|MORGANA|WEXFORD/i);
  });
});

describe('classifyBoard expiresOn', () => {
  /** Someone else whose number contains the keyword, with their own date. */
  const other = (licenseNumber: string, expirationDate: string) =>
    makeBoardRecord(
      { firstName: 'OTIS', lastName: 'WEXFORD', licenseNumber },
      { expirationDate },
    );

  it.each([
    ['clear', {}, '2026-06-30'],
    ['expired', { expirationDate: 'Jan-14-2025' }, '2025-01-14'],
    ['expired', { licenseStatus: 'Lapsed' }, '2026-06-30'],
    ['flagged', { hasPublicAction: true }, '2026-06-30'],
    ['needs_review', { licenseStatus: 'Pending' }, '2026-06-30'],
    ['needs_review', { hasPublicAction: null }, '2026-06-30'],
  ] as const)(
    'reports the license date with a %s outcome under the worker name',
    (outcome, options, expiresOn) => {
      const result = classify([
        registrant({}, { expirationDate: 'Jun-30-2026', ...options }),
      ]);

      expect([result.outcome, result.expiresOn]).toEqual([outcome, expiresOn]);
    },
  );

  it("takes the exact license's date, never one of the keyword's other matches", () => {
    const result = classify([
      other(`C${LICENSE}`, 'Nov-30-2026'),
      registrant({}, { expirationDate: 'Jun-30-2026' }),
      other(`${LICENSE}0`, 'Sep-30-2023'),
    ]);

    expect([result.outcome, result.expiresOn]).toEqual(['clear', '2026-06-30']);
  });

  it('leaves it out when only other numbers contain the keyword', () => {
    const result = classify([
      other(`C${LICENSE}`, 'Nov-30-2026'),
      other(`${LICENSE}0`, 'Sep-30-2023'),
    ]);

    expect(result.outcome).toBe('not_found');
    expect(result).not.toHaveProperty('expiresOn');
  });

  it.each([
    [
      'another name',
      [registrant({ firstName: 'MORGANA', lastName: 'VEXLEY' })],
    ],
    [
      'another name, with a public action',
      [
        registrant(
          { firstName: 'MORGANA', lastName: 'VEXLEY' },
          { hasPublicAction: true },
        ),
      ],
    ],
    ['a partly matching name', [registrant({ firstName: 'D' })]],
    ['no first name', [registrant({ firstName: null })]],
    [
      'the number listed twice with different dates',
      [
        registrant({}, { expirationDate: 'Jun-30-2026' }),
        registrant({}, { registrantId: 2, expirationDate: 'Jun-30-2028' }),
      ],
    ],
    ['the number under another type', [registrant({}, { licenseType: 'LPN' })]],
    ['no expiration date', [registrant({}, { expirationDate: null })]],
  ])('leaves it out for %s', (_case, records) => {
    const result = classify(records);

    expect(result.outcome).toBe('needs_review');
    expect(result).not.toHaveProperty('expiresOn');
  });

  it('leaves it out when pages were left unread, even for an adverse outcome', () => {
    const others = Array.from({ length: 9 }, (_, k) =>
      collision(`${LICENSE}${k}`),
    );

    const found = classify([registrant(), ...others], { resultCount: 60 });
    const flagged = classify(
      [registrant({}, { hasPublicAction: true }), ...others],
      { resultCount: 60 },
    );

    expect([found.outcome, flagged.outcome]).toEqual([
      'needs_review',
      'flagged',
    ]);
    expect(found).not.toHaveProperty('expiresOn');
    expect(flagged).not.toHaveProperty('expiresOn');
  });

  it('reports it from the second page once every page was read', () => {
    const firstPage = Array.from({ length: 10 }, (_, k) =>
      other(`${LICENSE}${k}`, 'Mar-31-2027'),
    );
    const pages = [
      parseBoardResponse(listing(firstPage, 11), FIRST),
      parseBoardResponse(
        listing([registrant({}, { expirationDate: 'Jun-30-2026' })], 11),
        { skip: 10, take: 10 },
      ),
    ];

    const result = classifyBoard(licensedSubject(), pages, {
      board: KANSAS,
      today: TODAY,
    });

    expect([result.outcome, result.expiresOn]).toEqual(['clear', '2026-06-30']);
  });

  it('leaves it out when a page failed', () => {
    const first = parseBoardResponse(
      listing(
        [
          registrant(),
          ...Array.from({ length: 9 }, (_, k) => collision(`${LICENSE}${k}`)),
        ],
        12,
      ),
      FIRST,
    );

    const result = classifyBoard(
      licensedSubject(),
      [first, { kind: 'source_error', status: 502 }],
      { board: KANSAS, today: TODAY },
    );

    expect(result.outcome).toBe('source_unavailable');
    expect(result).not.toHaveProperty('expiresOn');
  });
});
