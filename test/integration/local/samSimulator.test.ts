import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samBehaviourKey } from '../../../packages/local/src/simulator/respondSam';
import { simulatorRewrite } from '../../../packages/local/src/simulator/simulatorRewrite';
import {
  type SourceSimulator,
  startSourceSimulator,
} from '../../../packages/local/src/simulator/startSourceSimulator';

const NPI = '1234567893';

describe('the source simulator: SAM.gov', () => {
  let sim: SourceSimulator;

  const get = (query: string) => {
    const url = simulatorRewrite(sim.baseUrl)(
      new URL(`https://api.sam.gov/entity-information/v4/exclusions?${query}`),
    );

    return fetch(url, { headers: { 'user-agent': 'rovn-test/1' } });
  };

  beforeAll(async () => {
    sim = await startSourceSimulator({
      sam: {
        [samBehaviourKey({ npi: NPI })]: { kind: 'http429', retryAfter: 3600 },
        [samBehaviourKey({ exclusionName: 'Ada Quill' })]: { kind: 'http429' },
        [samBehaviourKey({ exclusionName: 'Bo Reed' })]: { kind: 'html' },
      },
    });
  });

  afterAll(() => sim.stop());

  it('answers an unknown lookup with no records', async () => {
    const response = await get('api_key=k&exclusionName=Cy%20Moss');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      totalRecords: 0,
      excludedEntity: [],
    });
  });

  it('answers 429 with Retry-After when told', async () => {
    const response = await get(`api_key=k&npi=${NPI}`);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
  });

  it('answers 429 without Retry-After when told', async () => {
    const response = await get('api_key=k&exclusionName=ADA%20QUILL');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('serves a maintenance page where JSON was expected', async () => {
    const response = await get('api_key=k&exclusionName=Bo%20Reed');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('refuses a request without api_key with 403', async () => {
    const response = await get('exclusionName=Cy%20Moss');

    expect(response.status).toBe(403);
  });

  it('refuses a request without a filter with 400', async () => {
    const response = await get('api_key=k');

    expect(response.status).toBe(400);
  });
});
