import { describe, expect, it } from 'vitest';
import {
  makeBoardBody,
  makeBoardErrorBody,
} from '../../../../packages/core/src/sources/board-saas/boardBodyFactory';
import { parseBoardResponse } from '../../../../packages/core/src/sources/board-saas/parseBoardResponse';
import {
  boardAnswer,
  bytes,
  collision,
  FIRST,
  LICENSE,
  listing,
  registrant,
} from './factories';

/** A clean body with one field of its only record replaced. */
const withRecordField = (field: string, value: unknown) => {
  const record = { ...registrant(), [field]: value };

  return boardAnswer(makeBoardBody([record]));
};

/** A clean body with one record field left out. */
const withoutRecordField = (field: string) => {
  const { [field]: _gone, ...record } = registrant();

  return boardAnswer(makeBoardBody([record]));
};

describe('parseBoardResponse', () => {
  it('reads a page of registrants with their dates as days', () => {
    const answer = listing([
      collision(`C${LICENSE}`),
      registrant({}, { expirationDate: 'Jan-30-2027' }),
    ]);

    const parsed = parseBoardResponse(answer, FIRST);

    expect(parsed).toMatchObject({
      kind: 'results',
      resultCount: 2,
      page: FIRST,
    });
    expect(parsed.kind === 'results' && parsed.records[1]).toEqual({
      firstName: 'DELPHINE',
      middleName: 'R',
      lastName: 'MERRIWEATHER',
      licenseNumber: LICENSE,
      licenseType: 'RN',
      licenseStatus: 'Active',
      issueDate: '2016-06-14',
      expirationDate: '2027-01-30',
      hasPublicAction: false,
    });
  });

  it('reads an empty search as no records', () => {
    const parsed = parseBoardResponse(listing([]), FIRST);

    expect(parsed).toEqual({
      kind: 'results',
      resultCount: 0,
      page: FIRST,
      records: [],
    });
  });

  it('accepts a full first page of a larger result set', () => {
    const records = Array.from({ length: 10 }, (_, k) =>
      collision(`${LICENSE}${k}`),
    );

    const parsed = parseBoardResponse(listing(records, 13), FIRST);

    expect(parsed).toMatchObject({ kind: 'results', resultCount: 13 });
  });

  it('accepts the last, shorter page at its skip', () => {
    const records = [collision(`${LICENSE}1`), registrant()];

    const parsed = parseBoardResponse(listing(records, 12), {
      skip: 10,
      take: 10,
    });

    expect(parsed).toMatchObject({ kind: 'results', resultCount: 12 });
  });

  it('is liberal in presence: null names parts, no middle name or issue date, extra fields', () => {
    const {
      middleName: _m,
      issueDate: _i,
      ...record
    } = registrant(
      { firstName: null },
      { expirationDate: null, hasPublicAction: null },
    );

    const parsed = parseBoardResponse(
      boardAnswer(makeBoardBody([{ ...record, newField: { a: 1 } }])),
      FIRST,
    );

    expect(parsed.kind === 'results' && parsed.records[0]).toMatchObject({
      firstName: null,
      middleName: null,
      issueDate: null,
      expirationDate: null,
      hasPublicAction: null,
    });
  });

  it.each([
    [429, { kind: 'rate_limited' }],
    [401, { kind: 'refused', status: 401 }],
    [403, { kind: 'refused', status: 403 }],
    [500, { kind: 'source_error', status: 500 }],
    [503, { kind: 'source_error', status: 503 }],
    [302, { kind: 'source_error', status: 302 }],
  ])('reads HTTP %i as %j', (status, expected) => {
    const parsed = parseBoardResponse(listing([registrant()]), FIRST);
    const failed = parseBoardResponse(
      { ...listing([registrant()]), status },
      FIRST,
    );

    expect(parsed.kind).toBe('results');
    expect(failed).toEqual(expected);
  });

  it('reads a non-zero errorCode as a board error, keeping only a code', () => {
    const coded = parseBoardResponse(
      boardAnswer(makeBoardErrorBody('500')),
      FIRST,
    );
    const worded = parseBoardResponse(
      boardAnswer(makeBoardErrorBody('keyword RN507918 not allowed')),
      FIRST,
    );

    expect(coded).toEqual({ kind: 'board_error', errorCode: '500' });
    expect(worded).toEqual({ kind: 'board_error', errorCode: 'unrecognised' });
  });

  it.each([
    [
      'an HTML content type',
      boardAnswer('{}', { contentType: 'text/html' }),
      'html_body',
    ],
    [
      'an HTML page sent as JSON',
      boardAnswer('<!DOCTYPE html><p>hi</p>'),
      'html_body',
    ],
    ['an empty body', boardAnswer(''), 'empty_body'],
    [
      'bytes that are not UTF-8',
      { ...listing([]), body: new Uint8Array([0x7b, 0xff, 0x7d]) },
      'not_utf8',
    ],
    ['text that is not JSON', boardAnswer('errorCode=0'), 'not_json'],
    ['a JSON array', boardAnswer([]), 'not_an_object'],
    [
      'no errorCode',
      boardAnswer({ resultCount: 0, result: [] }),
      'error_code_missing',
    ],
    [
      'errorCode as a number',
      boardAnswer({ errorCode: 0, resultCount: 0, result: [] }),
      'error_code_not_text',
    ],
    [
      'resultCount as a string',
      boardAnswer({ ...makeBoardBody([registrant()]), resultCount: '1' }),
      'schema_mismatch:resultCount:invalid_type',
    ],
    [
      'result renamed',
      boardAnswer({ errorCode: '0', resultCount: 0, results: [] }),
      'schema_mismatch:result:invalid_type',
    ],
    [
      'resultCount above the records',
      listing([registrant()], 2),
      'result_count_mismatch',
    ],
    [
      'resultCount below the records',
      listing([registrant(), collision('XRN507918')], 1),
      'result_count_mismatch',
    ],
  ])('refuses %s', (_case, answer, reason) => {
    expect(parseBoardResponse(answer, FIRST)).toEqual({
      kind: 'unreadable',
      reason,
    });
  });

  it('refuses a full page at a skip the count does not reach', () => {
    const parsed = parseBoardResponse(listing([registrant()], 1), {
      skip: 10,
      take: 10,
    });

    expect(parsed).toEqual({
      kind: 'unreadable',
      reason: 'result_count_mismatch',
    });
  });

  it.each([
    ['licenseNumber', 507918],
    ['licenseStatus', 1],
    ['licenseType', null],
    ['licenseStatus', ''],
    ['hasPublicAction', 'false'],
    ['hasPublicAction', 0],
    ['expirationDate', '2027-01-30'],
    ['expirationDate', 'Feb-30-2027'],
    ['issueDate', 'yesterday'],
    ['lastName', 12],
  ])('refuses a record whose %s is %j', (field, value) => {
    const parsed = parseBoardResponse(withRecordField(field, value), FIRST);

    expect(parsed).toMatchObject({ kind: 'unreadable' });
    expect(parsed.kind === 'unreadable' && parsed.reason).toMatch(
      new RegExp(`^schema_mismatch:result\\.0\\.${field}:`),
    );
  });

  it.each([
    'licenseNumber',
    'licenseType',
    'licenseStatus',
    'expirationDate',
    'hasPublicAction',
    'firstName',
    'lastName',
  ])('refuses a record without %s (a renamed field)', (field) => {
    const parsed = parseBoardResponse(withoutRecordField(field), FIRST);

    expect(parsed).toMatchObject({ kind: 'unreadable' });
  });

  it('refuses a record that names no one', () => {
    const parsed = parseBoardResponse(
      listing([registrant({ firstName: null, lastName: '--' })]),
      FIRST,
    );

    expect(parsed).toMatchObject({ kind: 'unreadable' });
  });

  it('keeps no text of the body in its reasons', () => {
    const parsed = parseBoardResponse(
      withRecordField('licenseNumber', 507918),
      FIRST,
    );

    expect(JSON.stringify(parsed)).not.toMatch(/507918|MERRIWEATHER/);
    expect(bytes('x')).toHaveLength(1);
  });
});
