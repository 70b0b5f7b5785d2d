import { describe, expect, it } from 'vitest';
import {
  ReplaySubjectError,
  replayClassification,
} from '../../../packages/core/src/replay/replayClassification';
import {
  makeNursysRecord,
  makeNursysResultBody,
  makeNursysSubmitBody,
} from '../../../packages/core/src/sources/nursys/nursysBodyFactory';
import {
  boardAnswer,
  collision as boardCollision,
  listing as boardListing,
  registrant as boardRegistrant,
  LICENSE,
  licensedSubject,
} from '../sources/board-saas/factories';
import {
  jsonAnswer,
  MAINTENANCE_PAGE,
  makeNppesBody,
  makeRecord,
  textAnswer,
} from '../sources/nppes/factories';
import { encode, leieBytes, listedWorker } from '../sources/oig-leie/factories';
import { listing, samRecord } from '../sources/sam/factories';
import { makeSubject } from '../sources/subjectFactory';

const AT = new Date('2025-01-15T00:00:00Z');

const csvAnswer = (body: Uint8Array, status = 200) => ({
  status,
  contentType: 'text/csv',
  body,
});

describe('replayClassification: nppes', () => {
  it('classifies an active record with the worker name as clear', () => {
    const response = jsonAnswer(makeNppesBody([makeRecord()]));

    const result = replayClassification({
      source: 'nppes',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('clear');
    expect(result.findings.map((f) => f.code)).toEqual(['npi_active']);
    expect(result.adapterVersion).toBe('nppes-2');
  });

  it('ends as invalid_input for a bad NPI whatever the bytes say', () => {
    const response = jsonAnswer(makeNppesBody([makeRecord()]));

    const result = replayClassification({
      source: 'nppes',
      subject: makeSubject({ npi: '1234567890' }),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('invalid_input');
    expect(result.findings[0]?.code).toBe('npi_check_digit');
  });

  it('ends as source_unavailable for a maintenance page', () => {
    const response = textAnswer(MAINTENANCE_PAGE, { contentType: 'text/html' });

    const result = replayClassification({
      source: 'nppes',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]?.code).toBe('unreadable_response');
  });

  it('ends as source_unavailable with source_error for a 503 with a JSON body', () => {
    const response = jsonAnswer(makeNppesBody([makeRecord()]), { status: 503 });

    const result = replayClassification({
      source: 'nppes',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'source_error', data: { status: 503 } }),
    ]);
  });
});

describe('replayClassification: oig-leie', () => {
  it('flags a worker listed by name and date of birth', () => {
    const response = csvAnswer(leieBytes([listedWorker()]));

    const result = replayClassification({
      source: 'oig-leie',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('flagged');
    expect(result.findings.map((f) => f.code)).toEqual([
      'exclusion',
      'screened',
    ]);
    expect(result.adapterVersion).toBe('oig-leie-2');
  });

  it('decides reinstatement against the replay day', () => {
    const response = csvAnswer(
      leieBytes([listedWorker({ reinstatementDate: '2025-01-10' })]),
    );
    const subject = makeSubject();

    const before = replayClassification({
      source: 'oig-leie',
      subject,
      response,
      at: new Date('2025-01-09T00:00:00Z'),
    });
    const after = replayClassification({
      source: 'oig-leie',
      subject,
      response,
      at: AT,
    });

    expect(before.outcome).toBe('flagged');
    expect(after.outcome).toBe('clear');
  });

  it('refuses a file with a changed header, naming the rule', () => {
    const text = new TextDecoder().decode(leieBytes([listedWorker()]));
    const response = csvAnswer(encode(text.replace('"NPI"', '"NPI_NUMBER"')));

    const result = replayClassification({
      source: 'oig-leie',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]).toMatchObject({
      code: 'list_refused',
      data: { rule: 'header', row: 1 },
    });
  });

  it('refuses a truncated file', () => {
    const bytes = leieBytes([listedWorker(), listedWorker()]);
    const response = csvAnswer(bytes.slice(0, bytes.byteLength - 30));

    const result = replayClassification({
      source: 'oig-leie',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]?.code).toBe('list_refused');
  });

  it('ends as source_unavailable when the download was not a 2xx', () => {
    const response = csvAnswer(leieBytes([listedWorker()]), 404);

    const result = replayClassification({
      source: 'oig-leie',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]).toMatchObject({
      code: 'source_error',
      data: { status: 404 },
    });
  });
});

describe('replayClassification: sam', () => {
  it('flags a stored answer listing the worker NPI', () => {
    const response = listing([samRecord({ npi: '1234567893' })]);

    const result = replayClassification({
      source: 'sam',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('flagged');
    expect(result.adapterVersion).toBe('sam-1');
    expect(result.findings.at(-1)).toMatchObject({
      code: 'screened',
      data: { lookups: ['replay'], today: '2025-01-15' },
    });
  });

  it('decides termination against the replay day', () => {
    const response = listing([
      samRecord(
        { npi: '1234567893' },
        { terminationDate: '01-10-2025', terminationType: 'Definite' },
      ),
    ]);

    const before = replayClassification({
      source: 'sam',
      subject: makeSubject(),
      response,
      at: new Date('2025-01-09T00:00:00Z'),
    });
    const after = replayClassification({
      source: 'sam',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(before.outcome).toBe('flagged');
    expect(after.outcome).toBe('clear');
  });

  it('replays a stored 429 as quota_exhausted', () => {
    const response = { ...listing([]), status: 429 };

    const result = replayClassification({
      source: 'sam',
      subject: makeSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]?.code).toBe('quota_exhausted');
  });
});

describe('replayClassification: nursys', () => {
  const nurse = makeSubject({
    license: { jurisdiction: 'KS', number: 'RN004217', type: 'RN' },
  });
  const body = new TextEncoder().encode(
    JSON.stringify(
      makeNursysResultBody('NT-1', [
        makeNursysRecord({
          firstName: 'DELPHINE',
          lastName: 'MERRIWEATHER',
          licenses: [
            {
              licenseNumber: 'RN004217',
              expirationDate: '2026-06-30T00:00:00-05:00',
            },
          ],
        }),
      ]),
    ),
  );
  const replayAt = (day: string, response = body) =>
    replayClassification({
      source: 'nursys',
      subject: nurse,
      response: {
        status: 200,
        contentType: 'application/json',
        body: response,
      },
      at: new Date(`${day}T00:00:00Z`),
    });

  it('clears the stored result before the expiration day', () => {
    const result = replayAt('2026-06-30');

    expect([result.outcome, result.adapterVersion]).toEqual([
      'clear',
      'nursys-1',
    ]);
  });

  it('calls the same bytes expired the day after', () => {
    expect(replayAt('2026-07-01').outcome).toBe('expired');
  });

  it('replays a stored submit answer as source_unavailable', () => {
    const submit = new TextEncoder().encode(
      JSON.stringify(makeNursysSubmitBody('NT-1')),
    );

    const result = replayAt('2026-01-01', submit);

    expect(result.outcome).toBe('source_unavailable');
  });
});

describe('replayClassification: entity subjects', () => {
  const entity = { subjectId: 'ent_1', entityName: 'Acme Care, Inc.' };

  it('screens an entity against a LEIE list by business name', () => {
    const body = leieBytes([{ businessName: 'ACME CARE LLC' }]);

    const result = replayClassification({
      source: 'oig-leie',
      subject: entity,
      response: csvAnswer(body),
      at: AT,
    });

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]).toMatchObject({
      data: { basis: 'entity_name' },
    });
  });

  it('refuses an entity for a source that lists only people', () => {
    const replay = () =>
      replayClassification({
        source: 'nppes',
        subject: entity,
        response: jsonAnswer(makeNppesBody([makeRecord()])),
        at: AT,
      });

    expect(replay).toThrow(ReplaySubjectError);
  });
});

describe('replayClassification: board-ks', () => {
  it('clears the stored page holding the license among substring matches', () => {
    const response = boardListing([
      boardCollision(`C${LICENSE}`),
      boardRegistrant({}, { expirationDate: 'Jun-30-2026' }),
    ]);

    const result = replayClassification({
      source: 'board-ks',
      subject: licensedSubject(),
      response,
      at: AT,
    });

    expect(result.outcome).toBe('clear');
    expect(result.adapterVersion).toBe('board-saas-1');
    expect(result.findings.at(-1)).toMatchObject({
      code: 'searched',
      data: { otherLicenses: 1, today: '2025-01-15' },
    });
  });

  it('decides expiry against the replay day', () => {
    const response = boardListing([
      boardRegistrant({}, { expirationDate: 'Jan-31-2025' }),
    ]);

    const before = replayClassification({
      source: 'board-ks',
      subject: licensedSubject(),
      response,
      at: AT,
    });
    const after = replayClassification({
      source: 'board-ks',
      subject: licensedSubject(),
      response,
      at: new Date('2025-02-01T00:00:00Z'),
    });

    expect([before.outcome, after.outcome]).toEqual(['clear', 'expired']);
  });

  it('replays a first page of a larger set as needs_review, never not_found', () => {
    const records = Array.from({ length: 10 }, (_, k) =>
      boardCollision(`${LICENSE}${k}`),
    );

    const result = replayClassification({
      source: 'board-ks',
      subject: licensedSubject(),
      response: boardListing(records, 14),
      at: AT,
    });

    expect(result.outcome).toBe('needs_review');
    expect(result.findings[0]?.code).toBe('results_truncated');
  });

  it('replays an HTML page as source_unavailable', () => {
    const result = replayClassification({
      source: 'board-ks',
      subject: licensedSubject(),
      response: boardAnswer('<html></html>', { contentType: 'text/html' }),
      at: AT,
    });

    expect(result.outcome).toBe('source_unavailable');
    expect(result.findings[0]?.code).toBe('unreadable_response');
  });
});
