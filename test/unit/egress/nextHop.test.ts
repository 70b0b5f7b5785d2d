import { describe, expect, it } from 'vitest';
import { type Hop, nextHop } from '../../../packages/core/src/egress/nextHop';

const postHop = (): Hop => ({
  url: 'https://api.sam.gov/v4/exclusions?page=0',
  method: 'POST',
  headers: { 'x-api-key': 'made-up', 'user-agent': 'rovn' },
  body: '{}',
});

describe('nextHop', () => {
  it('resolves a relative location against the current URL', () => {
    const next = nextHop(postHop(), '../v5/exclusions', 307);

    expect([next.url, next.method, next.body]).toEqual([
      'https://api.sam.gov/v5/exclusions',
      'POST',
      '{}',
    ]);
  });

  it('turns a POST into a GET without body on 303', () => {
    const next = nextHop(postHop(), '/done', 303);

    expect([next.method, next.body]).toEqual(['GET', undefined]);
  });

  it('keeps caller headers on the same origin', () => {
    const next = nextHop(postHop(), '/v4/other', 308);

    expect(next.headers).toEqual(postHop().headers);
  });

  it('drops credentials when the origin changes', () => {
    const next = nextHop(postHop(), 'https://mirror.example/v4', 308);

    expect(next.headers).toEqual({ 'user-agent': 'rovn' });
  });

  it('refuses a location that does not parse', () => {
    const act = () => nextHop(postHop(), 'https://[bad', 302);

    expect(act).toThrow(expect.objectContaining({ rule: 'invalid_url' }));
  });
});
