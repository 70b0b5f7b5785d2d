import { describe, expect, it } from 'vitest';
import { classifySam } from '../../../../packages/core/src/sources/sam/classifySam';
import { parseSamResponse } from '../../../../packages/core/src/sources/sam/parseSamResponse';
import { makeSamRecord } from '../../../../packages/core/src/sources/sam/samBodyFactory';
import type {
  ParsedSamResponse,
  SamQuery,
} from '../../../../packages/core/src/sources/sam/types';
import { makeSubject } from '../subjectFactory';
import { listing, samAnswer, samRecord } from './factories';

const TODAY = '2025-01-15';

const answer = (parsed: ParsedSamResponse, query: SamQuery = 'name') => ({
  query,
  parsed,
});

const parsedListing = (...args: Parameters<typeof listing>) =>
  parseSamResponse(listing(...args));

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('classifySam', () => {
  it('clears a worker no lookup lists', () => {
    const answers = [
      answer(parsedListing([]), 'npi'),
      answer(parsedListing([]), 'name'),
    ];

    const result = classifySam(makeSubject(), answers, { today: TODAY });

    expect(result.outcome).toBe('clear');
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'screened',
        data: { lookups: ['npi', 'name'], today: TODAY },
      }),
    ]);
  });

  it('flags an indefinite exclusion listed under the worker NPI', () => {
    const listed = samRecord({ firstName: 'DORA', npi: '1234567893' });

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([listed]), 'npi')],
      { today: TODAY },
    );

    expect(result.outcome).toBe('flagged');
    expect(result.findings[0]).toMatchObject({
      code: 'exclusion',
      data: { basis: 'npi', indefinite: true },
    });
  });

  it('gives a name match no more than needs_review', () => {
    const listed = samRecord();

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([listed]))],
      { today: TODAY },
    );

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]).toMatchObject({
      code: 'possible_exclusion',
      data: { basis: 'name', nameMatch: 'exact', npiConflict: false },
    });
  });

  it('reports an NPI conflict on a name match', () => {
    const listed = samRecord({ npi: '1467503821' });

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([listed]))],
      { today: TODAY },
    );

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]?.data).toMatchObject({ npiConflict: true });
  });

  it('skips an exclusion whose termination date has passed', () => {
    const ended = samRecord(
      { npi: '1234567893' },
      { terminationDate: '01-15-2025', terminationType: 'Definite' },
    );

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([ended]), 'npi')],
      { today: TODAY },
    );

    expect(result.outcome).toBe('clear');
  });

  it('keeps an exclusion whose termination date is still ahead', () => {
    const standing = samRecord(
      { npi: '1234567893' },
      { terminationDate: '01-16-2025', terminationType: 'Definite' },
    );

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([standing]), 'npi')],
      { today: TODAY },
    );

    expect(result.outcome).toBe('flagged');
  });

  it('keeps an Indefinite exclusion that also shows a past date', () => {
    const standing = samRecord(
      { npi: '1234567893' },
      { terminationDate: '01-01-2020', terminationType: 'Indefinite' },
    );

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([standing]), 'npi')],
      { today: TODAY },
    );

    expect(result.outcome).toBe('flagged');
  });

  it('does not match firms by name', () => {
    const firm = makeSamRecord({ entityName: 'MERRIWEATHER DELPHINE LLC' });

    const result = classifySam(makeSubject(), [answer(parsedListing([firm]))], {
      today: TODAY,
    });

    expect(result.outcome).toBe('clear');
  });

  it('counts a record both lookups returned once', () => {
    const listed = samRecord({ npi: '1234567893' });

    const result = classifySam(
      makeSubject(),
      [
        answer(parsedListing([listed]), 'npi'),
        answer(parsedListing([listed]), 'name'),
      ],
      { today: TODAY },
    );

    expect(codes(result.findings)).toEqual(['exclusion', 'screened']);
  });

  it('never clears a page that holds fewer records than found', () => {
    const other = samRecord({ firstName: 'ZED', lastName: 'OTHERLY' });

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([other], 40))],
      { today: TODAY },
    );

    expect(result.outcome).toBe('needs_review');
    expect(codes(result.findings)).toEqual(['results_truncated', 'screened']);
  });

  it.each([
    [429, 'quota_exhausted'],
    [403, 'credentials_refused'],
    [500, 'source_error'],
  ])('ends HTTP %i as source_unavailable with %s', (status, code) => {
    const parsed = parseSamResponse(samAnswer({}, { status }));

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([]), 'npi'), answer(parsed)],
      { today: TODAY },
    );

    expect(result.outcome).toBe('source_unavailable');
    expect(codes(result.findings)).toEqual([code]);
  });

  it('says a spent quota waits for the next UTC day', () => {
    const parsed = parseSamResponse(samAnswer({}, { status: 429 }));

    const result = classifySam(makeSubject(), [answer(parsed)], {
      today: TODAY,
    });

    expect(result.findings[0]?.detail).toMatch(/next UTC day/);
  });

  it('never clears an answer it did not understand', () => {
    const parsed: ParsedSamResponse = { kind: 'unreadable', reason: 'x' };

    const result = classifySam(
      makeSubject(),
      [answer(parsedListing([]), 'npi'), answer(parsed)],
      { today: TODAY },
    );

    expect(result.outcome).toBe('source_unavailable');
  });

  it('never clears without an answer', () => {
    const result = classifySam(makeSubject(), [], { today: TODAY });

    expect(result.outcome).toBe('source_unavailable');
  });
});
