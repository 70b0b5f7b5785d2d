import { describe, expect, it } from 'vitest';
import type { Subject } from '../../../../packages/core/src/domain/subject';
import { classifyNppes } from '../../../../packages/core/src/sources/nppes/classifyNppes';
import type {
  NppesPerson,
  NppesRecordOptions,
} from '../../../../packages/core/src/sources/nppes/nppesRecordFactory';
import { parseNppesResponse } from '../../../../packages/core/src/sources/nppes/parseNppesResponse';
import { makeSubject } from '../subjectFactory';
import {
  jsonAnswer,
  MAINTENANCE_PAGE,
  makeNppesBody,
  makeNppesErrorBody,
  makeRecord,
  textAnswer,
} from './factories';

/** Classifies the subject against a registry answer of one record. */
const classifyAgainst = (
  subject: Subject,
  person: Partial<NppesPerson> = {},
  options: NppesRecordOptions = {},
) =>
  classifyNppes(
    subject,
    parseNppesResponse(
      jsonAnswer(makeNppesBody([makeRecord(person, options)])),
    ),
  );

const codes = (classification: { findings: { code: string }[] }) =>
  classification.findings.map((found) => found.code);

describe('classifyNppes', () => {
  it('clears an active individual whose name matches', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject);

    expect(result.outcome).toBe('clear');
    expect(codes(result)).toEqual(['npi_active']);
  });

  it('clears the legacy format the same way', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject, {}, { format: 'legacy' });

    expect(result.outcome).toBe('clear');
  });

  it('clears when the registry middle name is the "--" placeholder', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject, { middleName: '--' });

    expect(result.outcome).toBe('clear');
  });

  it('returns invalid_input for a failing check digit, whatever the answer', () => {
    const subject = makeSubject({ npi: '1234567890' });

    const result = classifyAgainst(subject);

    expect(result.outcome).toBe('invalid_input');
    expect(codes(result)).toEqual(['npi_check_digit']);
  });

  it('reports source errors as source_unavailable with number and description', () => {
    const subject = makeSubject();
    const parsed = parseNppesResponse(jsonAnswer(makeNppesErrorBody()));

    const result = classifyNppes(subject, parsed);

    expect(result).toEqual({
      outcome: 'source_unavailable',
      findings: [
        expect.objectContaining({
          code: 'source_error',
          data: {
            errors: [
              {
                number: '04',
                field: 'generic',
                description: 'No valid search criteria provided',
              },
            ],
          },
        }),
      ],
    });
  });

  it('reports an HTTP error status as source_error with the status', () => {
    const subject = makeSubject();
    const answer = jsonAnswer(makeNppesBody([makeRecord()]), { status: 503 });
    const parsed = parseNppesResponse(answer);

    const result = classifyNppes(subject, parsed);

    expect(result).toEqual({
      outcome: 'source_unavailable',
      findings: [
        expect.objectContaining({
          code: 'source_error',
          data: { status: 503 },
        }),
      ],
    });
  });

  it('reports an HTML page as source_unavailable, never clear', () => {
    const subject = makeSubject();
    const parsed = parseNppesResponse(textAnswer(MAINTENANCE_PAGE));

    const result = classifyNppes(subject, parsed);

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]).toMatchObject({
      code: 'unreadable_response',
      data: { reason: 'html_body' },
    });
  });

  it('returns not_found for zero results', () => {
    const subject = makeSubject();
    const parsed = parseNppesResponse(jsonAnswer(makeNppesBody([])));

    const result = classifyNppes(subject, parsed);

    expect(result.outcome).toBe('not_found');
    expect(codes(result)).toEqual(['npi_not_found']);
  });

  it('refuses a record for another NPI as unexpected', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject, { npi: '1234567000' });

    expect(result.outcome).toBe('source_unavailable');
    expect(codes(result)).toEqual(['unexpected_record']);
  });

  it('refuses several records for one number as unexpected', () => {
    const subject = makeSubject();
    const body = makeNppesBody([makeRecord(), makeRecord()]);

    const result = classifyNppes(subject, parseNppesResponse(jsonAnswer(body)));

    expect(result.outcome).toBe('source_unavailable');
    expect(codes(result)).toEqual(['unexpected_record']);
  });

  it('returns expired for an inactive NPI of this worker', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject, {}, { status: 'D' });

    expect(result.outcome).toBe('expired');
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'npi_inactive', data: { status: 'D' } }),
    ]);
  });

  it('asks for review when an organisation holds the NPI', () => {
    const subject = makeSubject();

    const result = classifyAgainst(subject, {}, { enumerationType: 'NPI-2' });

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['entity_record']);
  });

  it('asks for review on a partial name match', () => {
    const subject = makeSubject({ familyName: 'Merriweather-Oakley' });

    const result = classifyAgainst(subject);

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['name_partial_match']);
  });

  it('asks for review on a conflicting middle name', () => {
    const subject = makeSubject({ middleName: 'Imogen' });

    const result = classifyAgainst(subject);

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['name_partial_match']);
  });

  it('asks for review on a name mismatch', () => {
    const subject = makeSubject({ givenName: 'Tamsin' });

    const result = classifyAgainst(subject);

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['name_mismatch']);
  });

  it.each([
    ['first', { givenName: '--' }],
    ['last', { familyName: '--' }],
  ])(
    'asks for review when the registry %s name is a placeholder',
    (_part, person) => {
      const subject = makeSubject();

      const result = classifyAgainst(subject, person);

      expect(result.outcome).toBe('needs_review');
      expect(codes(result)).toEqual(['name_unverifiable']);
    },
  );

  it('puts identity before status: a mismatched inactive record needs review', () => {
    const subject = makeSubject({ givenName: 'Tamsin' });

    const result = classifyAgainst(subject, {}, { status: 'D' });

    expect(result.outcome).toBe('needs_review');
    expect(codes(result)).toEqual(['name_mismatch', 'npi_inactive']);
  });

  it('writes no name or date of birth into findings', () => {
    const subject = makeSubject({ givenName: 'Tamsin' });

    const results = [
      classifyAgainst(subject),
      classifyAgainst(makeSubject({ middleName: 'Imogen' })),
      classifyAgainst(makeSubject()),
    ];

    const text = JSON.stringify(results);
    expect(text).not.toMatch(/tamsin|delphine|merriweather|imogen|1984/i);
  });
});

describe('precheckNppes through classifyNppes', () => {
  it('returns npi_missing without an NPI', () => {
    const { npi: _npi, ...subject } = makeSubject();

    const result = classifyNppes(subject, { kind: 'results', results: [] });

    expect(result.outcome).toBe('invalid_input');
    expect(codes(result)).toEqual(['npi_missing']);
  });
});
