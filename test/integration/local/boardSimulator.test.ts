import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardFor,
  makeBoardRecord,
} from '../../../packages/core/src/sources/board-saas';
import { simulatorRewrite } from '../../../packages/local/src/simulator/simulatorRewrite';
import {
  type SourceSimulator,
  startSourceSimulator,
} from '../../../packages/local/src/simulator/startSourceSimulator';

const BOARD = boardFor('board-ks');
const OURS = 'RovnPassport-Verification/1.0 (test)';

const record = (licenseNumber: string, lastName = 'WEXFORD') =>
  makeBoardRecord({ firstName: 'OTIS', lastName, licenseNumber });

describe('the source simulator: the board SaaS', () => {
  let sim: SourceSimulator;

  const search = (query: string, userAgent: string | null = OURS) => {
    const url = simulatorRewrite(sim.baseUrl)(
      new URL(`https://${BOARD?.host}${BOARD?.searchPath}?${query}`),
    );

    return fetch(url, {
      headers: userAgent === null ? {} : { 'user-agent': userAgent },
    });
  };

  beforeAll(async () => {
    sim = await startSourceSimulator({
      boards: {
        'board-ks': {
          registrants: [
            record('C7918'),
            record('R7918'),
            record('7918', 'QUILL'),
            ...Array.from({ length: 11 }, (_, k) => record(`55${k}`)),
          ],
          failures: {
            rn000429: { kind: 'http429', retryAfter: 120 },
            rn000500: { kind: 'http500' },
            rn000001: { kind: 'errorCode', errorCode: '42' },
            rn000002: { kind: 'html' },
            rn000003: { kind: 'empty' },
            rn000403: { kind: 'agentRefused' },
          },
        },
      },
    });
  });

  afterAll(() => sim.stop());

  it('maps the board host onto its simulated route', () => {
    const url = simulatorRewrite('http://127.0.0.1:1')(
      new URL(`https://${BOARD?.host}${BOARD?.searchPath}?keyword=1`),
    );

    expect(url.pathname).toBe(`/board-ks${BOARD?.searchPath}`);
  });

  it('matches the keyword as a substring, as the SaaS does', async () => {
    const response = await search('keyword=7918&skip=0&take=10');
    const body = (await response.json()) as {
      errorCode: string;
      resultCount: number;
      result: { licenseNumber: string }[];
    };

    expect(response.status).toBe(200);
    expect(body.errorCode).toBe('0');
    expect(body.resultCount).toBe(3);
    expect(body.result.map((r) => r.licenseNumber)).toEqual([
      'C7918',
      'R7918',
      '7918',
    ]);
  });

  it('pages with skip and take and counts every match', async () => {
    const first = (await (
      await search('keyword=55&skip=0&take=10')
    ).json()) as { resultCount: number; result: unknown[] };
    const second = (await (
      await search('keyword=55&skip=10&take=10')
    ).json()) as { resultCount: number; result: unknown[] };

    expect([first.resultCount, first.result.length]).toEqual([11, 10]);
    expect([second.resultCount, second.result.length]).toEqual([11, 1]);
  });

  it('answers a search for nothing known with no results', async () => {
    const body = await (await search('keyword=ZZ999&skip=0&take=10')).json();

    expect(body).toMatchObject({ errorCode: '0', resultCount: 0, result: [] });
  });

  it('answers a missing keyword with a non-zero errorCode', async () => {
    const body = await (await search('skip=0&take=10')).json();

    expect(body).toMatchObject({ errorCode: '1' });
  });

  it.each([
    [null, 'no user agent'],
    ['curl/8.5.0', "curl's default"],
    ['node', "Node's fetch default"],
    ['python-requests/2.32', 'a library default'],
  ])('refuses %s (%s) with 403 HTML', async (agent, _why) => {
    sim.resetCounters();

    const response = await search('keyword=7918&skip=0&take=10', agent);

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(sim.requests.refused).toBe(1);
  });

  it('accepts a browser user agent', async () => {
    const response = await search(
      'keyword=7918&skip=0&take=10',
      'Mozilla/5.0 (X11; Linux x86_64)',
    );

    expect(response.status).toBe(200);
  });

  it.each([
    ['RN000429', 429, /text\/plain/],
    ['RN000500', 500, /text\/html/],
    ['RN000001', 200, /application\/json/],
    ['RN000002', 200, /text\/html/],
    ['RN000003', 200, /application\/json/],
    ['RN000403', 403, /text\/html/],
  ])(
    'answers the failure set for %s with HTTP %i',
    async (keyword, status, type) => {
      const response = await search(`keyword=${keyword}&skip=0&take=10`);

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(type);
    },
  );

  it('sends Retry-After with a 429 when told, an empty body when told', async () => {
    const limited = await search('keyword=RN000429&skip=0&take=10');
    const empty = await search('keyword=RN000003&skip=0&take=10');

    expect(limited.headers.get('retry-after')).toBe('120');
    expect(await empty.text()).toBe('');
  });

  it('serves a non-zero errorCode when told', async () => {
    const body = await (await search('keyword=RN000001&skip=0&take=10')).json();

    expect(body).toMatchObject({ errorCode: '42', result: null });
  });
});
