import { describe, expect, it } from 'vitest';
import { parseNppesResponse } from '../../../../packages/core/src/sources/nppes/parseNppesResponse';
import {
  bytes,
  jsonAnswer,
  MAINTENANCE_PAGE,
  makeNppesBody,
  makeNppesErrorBody,
  makeRecord,
  textAnswer,
} from './factories';

const firstRecord = (answer: ReturnType<typeof jsonAnswer>) => {
  const parsed = parseNppesResponse(answer);
  if (parsed.kind !== 'results' || parsed.results[0] === undefined) {
    throw new Error(`expected one result, got ${JSON.stringify(parsed)}`);
  }

  return parsed.results[0];
};

describe('parseNppesResponse', () => {
  it('reads a current-format record', () => {
    const answer = jsonAnswer(makeNppesBody([makeRecord()]));

    const record = firstRecord(answer);

    expect(record).toMatchObject({
      number: '1234567893',
      enumerationType: 'NPI-1',
      createdEpochMs: Date.parse('2007-03-14T00:00:00Z'),
      lastUpdatedEpochMs: Date.parse('2023-09-05T00:00:00Z'),
      basic: {
        firstName: 'DELPHINE',
        middleName: 'ROSE',
        lastName: 'MERRIWEATHER',
        status: 'A',
        sex: 'F',
        namePrefix: null,
        nameSuffix: null,
      },
    });
    expect(record.addresses).toHaveLength(2);
    expect(record.taxonomies[0]).toMatchObject({
      code: '163W00000X',
      primary: true,
    });
  });

  it('reads the legacy format (numbers, epoch seconds, gender) to the same values', () => {
    const current = firstRecord(jsonAnswer(makeNppesBody([makeRecord()])));
    const legacy = jsonAnswer(
      makeNppesBody([makeRecord({}, { format: 'legacy' })]),
    );

    const record = firstRecord(legacy);

    expect(record).toEqual(current);
  });

  it('turns "--" name placeholders into null', () => {
    const answer = jsonAnswer(
      makeNppesBody([makeRecord({ middleName: '--' })]),
    );

    const record = firstRecord(answer);

    expect(record.basic.middleName).toBeNull();
  });

  it('reads zero results', () => {
    const answer = jsonAnswer({ result_count: 0, results: [] });

    const parsed = parseNppesResponse(answer);

    expect(parsed).toEqual({ kind: 'results', results: [] });
  });

  it('reads an error report sent with HTTP 200', () => {
    const answer = jsonAnswer(makeNppesErrorBody());

    const parsed = parseNppesResponse(answer);

    expect(parsed).toEqual({
      kind: 'errors',
      errors: [
        {
          field: 'generic',
          number: '04',
          description: 'No valid search criteria provided',
        },
      ],
    });
  });

  it('reads an error number sent as a JSON number', () => {
    const answer = jsonAnswer({ Errors: [{ number: 4, description: 'x' }] });

    const parsed = parseNppesResponse(answer);

    expect(parsed).toEqual({
      kind: 'errors',
      errors: [{ number: '4', description: 'x' }],
    });
  });

  it.each([
    [
      'a 503 with a JSON body',
      jsonAnswer(makeNppesBody([makeRecord()]), { status: 503 }),
      503,
    ],
    ['a 404', textAnswer('', { status: 404 }), 404],
    ['a 429', jsonAnswer(makeNppesErrorBody(), { status: 429 }), 429],
    ['a 302', textAnswer('', { status: 302 }), 302],
  ])('reads %s as a source_error with its status', (_label, answer, status) => {
    const parsed = parseNppesResponse(answer);

    expect(parsed).toEqual({ kind: 'source_error', status });
  });

  it.each([
    ['an empty body', textAnswer(''), 'empty_body'],
    ['whitespace only', textAnswer(' \r\n '), 'empty_body'],
    [
      'an HTML page',
      textAnswer(MAINTENANCE_PAGE, { contentType: 'text/html' }),
      'html_body',
    ],
    ['an HTML page labelled JSON', textAnswer(MAINTENANCE_PAGE), 'html_body'],
    [
      'JSON labelled HTML',
      jsonAnswer(makeNppesBody([]), { contentType: 'text/html' }),
      'html_body',
    ],
    [
      'invalid UTF-8',
      {
        status: 200,
        contentType: 'application/json',
        body: new Uint8Array([0x7b, 0xff, 0x7d]),
      },
      'not_utf8',
    ],
    [
      'truncated JSON',
      textAnswer('{"result_count":1,"results":[{"number"'),
      'not_json',
    ],
    ['a JSON array', jsonAnswer([makeRecord()]), 'not_an_object'],
    ['JSON null', textAnswer('null'), 'not_an_object'],
    ['an empty object', jsonAnswer({}), 'result_count_missing'],
    [
      'a count without results',
      jsonAnswer({ result_count: 1 }),
      'results_missing',
    ],
    [
      'results without a count',
      jsonAnswer({ results: [] }),
      'result_count_missing',
    ],
    [
      'a count that disagrees',
      jsonAnswer({ result_count: 2, results: [makeRecord()] }),
      'result_count_mismatch',
    ],
    [
      'errors and results together',
      jsonAnswer({ ...makeNppesErrorBody(), ...makeNppesBody([]) }),
      'errors_and_results',
    ],
    [
      'an empty error list',
      jsonAnswer({ Errors: [] }),
      'schema_mismatch:Errors:too_small',
    ],
  ])('refuses %s as unreadable', (_label, answer, reason) => {
    const parsed = parseNppesResponse(answer);

    expect(parsed).toEqual({ kind: 'unreadable', reason });
  });

  it.each([
    [
      'number',
      (r: Record<string, unknown>) => {
        r.number = '123456789';
      },
    ],
    [
      'number',
      (r: Record<string, unknown>) => {
        delete r.number;
      },
    ],
    [
      'enumeration_type',
      (r: Record<string, unknown>) => {
        r.enumeration_type = 'NPI-3';
      },
    ],
    [
      'basic',
      (r: Record<string, unknown>) => {
        delete r.basic;
      },
    ],
    [
      'basic.status',
      (r: Record<string, unknown>) => {
        delete (r.basic as Record<string, unknown>).status;
      },
    ],
    [
      'created_epoch',
      (r: Record<string, unknown>) => {
        r.created_epoch = 'yesterday';
      },
    ],
    [
      'taxonomies',
      (r: Record<string, unknown>) => {
        r.taxonomies = 'none';
      },
    ],
  ])(
    'refuses a record with a broken %s, naming the path only',
    (path, breakIt) => {
      const record = makeRecord();
      breakIt(record);

      const parsed = parseNppesResponse(jsonAnswer(makeNppesBody([record])));

      expect(parsed.kind).toBe('unreadable');
      expect(parsed.kind === 'unreadable' && parsed.reason).toContain(
        `results.0.${path}`,
      );
    },
  );

  it('never quotes a value in the reason', () => {
    const record = makeRecord();
    (record.basic as Record<string, unknown>).status = {
      secret: 'MERRIWEATHER',
    };

    const parsed = parseNppesResponse(jsonAnswer(makeNppesBody([record])));

    expect(JSON.stringify(parsed)).not.toContain('MERRIWEATHER');
  });

  it('accepts a missing optional list as empty', () => {
    const record = makeRecord();
    delete record.endpoints;
    record.practiceLocations = null;

    const parsed = firstRecord(jsonAnswer(makeNppesBody([record])));

    expect(parsed.endpoints).toEqual([]);
    expect(parsed.practiceLocations).toEqual([]);
  });

  it('reads a body with a UTF-8 byte order mark and surrounding whitespace', () => {
    const text = `\uFEFF\n${JSON.stringify(makeNppesBody([]))}\n`;

    const parsed = parseNppesResponse({
      status: 200,
      contentType: 'application/json',
      body: bytes(text),
    });

    expect(parsed.kind).toBe('results');
  });
});
