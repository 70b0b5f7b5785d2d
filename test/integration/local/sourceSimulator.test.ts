import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEIE_COLUMNS } from '../../../packages/core/src/sources/oig-leie/leieColumns';
import {
  type SourceSimulator,
  startSourceSimulator,
} from '../../../packages/local/src/simulator/startSourceSimulator';

const UA = 'rovn-passport-test/1.0';

const leieRow = (values: Partial<Record<string, string>>): string =>
  LEIE_COLUMNS.map((column) => `"${values[column] ?? ''}"`).join(',');

const leieCsv = (...rows: Partial<Record<string, string>>[]): string =>
  [LEIE_COLUMNS.map((c) => `"${c}"`).join(','), ...rows.map(leieRow)]
    .map((line) => `${line}\r\n`)
    .join('');

const sampleLeie = () =>
  leieCsv(
    {
      LASTNAME: 'QUILLFEATHER',
      FIRSTNAME: 'MARGO',
      NPI: '0000000000',
      DOB: '19700101',
      EXCLTYPE: '1128b4',
      EXCLDATE: '20200115',
      REINDATE: '00000000',
      WAIVERDATE: '00000000',
    },
    {
      BUSNAME: 'EXAMPLE HOME CARE LLC',
      NPI: '1234567893',
      EXCLTYPE: '1128a1',
      EXCLDATE: '20190301',
      REINDATE: '00000000',
      WAIVERDATE: '00000000',
    },
  );

const nppesBody = (npi: string) =>
  JSON.stringify({
    result_count: 1,
    results: [
      {
        number: npi,
        enumeration_type: 'NPI-1',
        basic: { first_name: 'ADA', last_name: 'EXAMPLE', status: 'A' },
      },
    ],
  });

describe('startSourceSimulator', () => {
  let sim: SourceSimulator;

  const nppes = (query: string, init: RequestInit = {}) =>
    fetch(`${sim.baseUrl}/nppes/api/?version=2.1&${query}`, {
      ...init,
      headers: { 'User-Agent': UA, ...init.headers },
    });
  const leie = (headers: Record<string, string> = {}) =>
    fetch(`${sim.baseUrl}/oig-leie/exclusions/downloadables/UPDATED.csv`, {
      headers: { 'User-Agent': UA, ...headers },
    });

  beforeEach(async () => {
    sim = await startSourceSimulator({
      nppes: {
        '1234567893': { kind: 'body', body: nppesBody('1234567893') },
        '1245319599': { kind: 'errors200' },
        '1316902273': { kind: 'http503' },
        '1407891237': { kind: 'html' },
        '1588667638': { kind: 'empty' },
        '1679576722': { kind: 'slow', delayMs: 20_000 },
      },
      leie: { kind: 'file', body: sampleLeie() },
    });
  });

  afterEach(() => sim.stop());

  it('serves the body given for an NPI, byte for byte', async () => {
    const response = await nppes('number=1234567893');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(nppesBody('1234567893'));
  });

  it('answers the no-results shape for an unknown NPI', async () => {
    const response = await nppes('number=1932100100');

    expect(await response.json()).toEqual({ result_count: 0, results: [] });
  });

  it('answers errors with HTTP 200 and no results', async () => {
    const response = await nppes('number=1245319599');

    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toEqual({
      Errors: [expect.objectContaining({ field: 'number', number: '04' })],
    });
    expect(body).not.toHaveProperty('results');
  });

  it('refuses a request without search criteria with error 04', async () => {
    const response = await nppes('limit=10');

    expect(await response.json()).toEqual({
      Errors: [expect.objectContaining({ number: '04' })],
    });
  });

  it('answers 503, a maintenance page or an empty body on demand', async () => {
    const unavailable = await nppes('number=1316902273');
    const html = await nppes('number=1407891237');
    const empty = await nppes('number=1588667638');

    expect(unavailable.status).toBe(503);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<html>/);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
  });

  it('keeps a slow answer past the caller timeout, and still stops', async () => {
    const act = nppes('number=1679576722', {
      signal: AbortSignal.timeout(200),
    });

    await expect(act).rejects.toThrow(/timeout|aborted/i);
    await sim.stop();
  });

  it('applies a behaviour changed at run time', async () => {
    sim.setNppesBehaviour('1234567893', { kind: 'http503' });

    const response = await nppes('number=1234567893');

    expect(response.status).toBe(503);
  });

  it('serves the LEIE file with its validators', async () => {
    const response = await leie();

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(await response.text()).toBe(sampleLeie());
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since', async () => {
    const first = await leie();
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';

    const byEtag = await leie({ 'If-None-Match': etag });
    const byDate = await leie({ 'If-Modified-Since': lastModified });
    const stale = await leie({ 'If-None-Match': '"another-version"' });

    expect(byEtag.status).toBe(304);
    expect(byDate.status).toBe(304);
    expect(stale.status).toBe(200);
  });

  it('gives a new file new validators', async () => {
    const before = (await leie()).headers.get('etag');

    sim.setLeieBody(leieCsv({ LASTNAME: 'OTHERPERSON', FIRSTNAME: 'LEE' }));
    const after = await leie({ 'If-None-Match': before ?? '' });

    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('drops the connection before the announced length', async () => {
    sim.setLeieBehaviour({
      kind: 'truncated',
      cut: 'connection',
      body: sampleLeie(),
    });

    const response = await leie();

    expect(Number(response.headers.get('content-length'))).toBe(
      Buffer.byteLength(sampleLeie()),
    );
    await expect(response.text()).rejects.toThrow();
  });

  it('ends a complete-looking download in the middle of a row', async () => {
    sim.setLeieBehaviour({
      kind: 'truncated',
      cut: 'mid-row',
      body: sampleLeie(),
    });

    const body = await (await leie()).text();

    expect(sampleLeie().startsWith(body)).toBe(true);
    expect(body.length).toBeLessThan(sampleLeie().length);
    expect(body.endsWith('\r\n')).toBe(false);
  });

  it("refuses curl's default user agent", async () => {
    const response = await nppes('number=1234567893', {
      headers: { 'User-Agent': 'curl/8.5.0' },
    });

    expect(response.status).toBe(403);
    expect(sim.requests.refused).toBe(1);
  });

  it('refuses a request without a user agent', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpRequest(`${sim.baseUrl}/nppes/api/?version=2.1&number=1234567893`)
        .on('response', (response) => {
          response.resume();
          resolve(response.statusCode);
        })
        .on('error', reject)
        .end();
    });

    expect(status).toBe(403);
  });

  it('counts requests per route', async () => {
    await nppes('number=1234567893');
    await nppes('number=1932100100');
    await leie();

    expect(sim.requests).toMatchObject({ nppes: 2, leie: 1, unknown: 0 });
    expect(sim.received[0]?.query.get('number')).toBe('1234567893');
  });
});
