import { describe, expect, it } from 'vitest';
import { parseSamResponse } from '../../../../packages/core/src/sources/sam/parseSamResponse';
import { bytes, listing, samAnswer, samRecord } from './factories';

describe('parseSamResponse', () => {
  it('reads records with MM-DD-YYYY dates and an Indefinite end', () => {
    const answer = listing([samRecord({ npi: '1234567893' })]);

    const parsed = parseSamResponse(answer);

    expect(parsed).toMatchObject({
      kind: 'results',
      totalRecords: 1,
      exclusions: [
        {
          classificationType: 'Individual',
          lastName: 'MERRIWEATHER',
          npi: '1234567893',
          actions: [
            {
              activateDate: '2022-06-20',
              terminationDate: null,
              indefinite: true,
            },
          ],
        },
      ],
    });
  });

  it('reads a definite termination date', () => {
    const answer = listing([
      samRecord(
        {},
        { terminationDate: '03-01-2024', terminationType: 'Definite' },
      ),
    ]);

    const parsed = parseSamResponse(answer);

    expect(parsed).toMatchObject({
      kind: 'results',
      exclusions: [
        { actions: [{ terminationDate: '2024-03-01', indefinite: false }] },
      ],
    });
  });

  it('accepts an empty answer without excludedEntity', () => {
    const answer = samAnswer({ totalRecords: 0, links: {} });

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual({
      kind: 'results',
      totalRecords: 0,
      exclusions: [],
    });
  });

  it('accepts a count sent as a string', () => {
    const answer = samAnswer({
      totalRecords: '1',
      excludedEntity: [samRecord()],
    });

    const parsed = parseSamResponse(answer);

    expect(parsed.kind).toBe('results');
  });

  it('keeps no NPI that is not ten digits', () => {
    const answer = listing([samRecord({ npi: '12345' })]);

    const parsed = parseSamResponse(answer);

    expect(parsed).toMatchObject({ exclusions: [{ npi: null }] });
  });

  it.each([
    [429, { kind: 'quota_exhausted' }],
    [403, { kind: 'credentials_refused', status: 403 }],
    [401, { kind: 'credentials_refused', status: 401 }],
    [400, { kind: 'source_error', status: 400 }],
    [503, { kind: 'source_error', status: 503 }],
  ])('reads HTTP %i by its status', (status, expected) => {
    const answer = samAnswer({ message: 'x' }, { status });

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual(expected);
  });

  it.each([
    ['an HTML page', '<html><body>Maintenance</body></html>', 'html_body'],
    ['an empty body', '', 'empty_body'],
    ['text that is not JSON', 'totalRecords=1', 'not_json'],
    ['an array', '[]', 'not_an_object'],
    [
      'a body without a count',
      '{"excludedEntity":[]}',
      'total_records_missing',
    ],
    [
      'a count without records',
      '{"totalRecords":2}',
      'excluded_entity_missing',
    ],
  ])('refuses %s', (_case, text, reason) => {
    const answer = {
      status: 200,
      contentType: 'application/json',
      body: bytes(text),
    };

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual({ kind: 'unreadable', reason });
  });

  it('refuses more records than the count', () => {
    const answer = listing([samRecord(), samRecord()], 1);

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual({
      kind: 'unreadable',
      reason: 'total_records_mismatch',
    });
  });

  it('refuses an unreadable date, naming where without the value', () => {
    const answer = listing([
      samRecord(
        {},
        { terminationDate: '2024.03.01', terminationType: 'Definite' },
      ),
    ]);

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual({
      kind: 'unreadable',
      reason:
        'schema_mismatch:excludedEntity.0.exclusionActions.listOfActions.0.terminationDate:custom',
    });
  });

  it('refuses a record whose blocks were renamed', () => {
    const record = samRecord();
    const { exclusionActions, ...rest } = record;
    const answer = listing([{ ...rest, actions: exclusionActions }]);

    const parsed = parseSamResponse(answer);

    expect(parsed.kind).toBe('unreadable');
  });

  it('refuses a JSON body sent as HTML', () => {
    const answer = listing([]);

    const parsed = parseSamResponse({ ...answer, contentType: 'text/html' });

    expect(parsed).toEqual({ kind: 'unreadable', reason: 'html_body' });
  });

  it('refuses a record that names no one', () => {
    const record = samRecord();
    const answer = listing([{ ...record, exclusionIdentification: {} }]);

    const parsed = parseSamResponse(answer);

    expect(parsed).toEqual({
      kind: 'unreadable',
      reason: 'schema_mismatch:excludedEntity.0.exclusionIdentification:custom',
    });
  });
});
