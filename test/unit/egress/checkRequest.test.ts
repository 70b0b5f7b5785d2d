import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../packages/core/src/egress/checkRequest';
import type { EgressRequest } from '../../../packages/core/src/egress/types';

const requestWith = (overrides: Partial<EgressRequest>): EgressRequest => ({
  source: 'nppes',
  url: 'https://npiregistry.cms.hhs.gov/api/',
  ...overrides,
});

const ruleOf = (req: EgressRequest): string => {
  try {
    checkRequest(req, 'npiregistry.cms.hhs.gov');
    return 'passed';
  } catch (error) {
    return (error as { rule: string }).rule;
  }
};

describe('checkRequest', () => {
  it('passes a plain GET with ordinary headers', () => {
    const req = requestWith({
      headers: { 'user-agent': 'rovn', accept: '*/*' },
    });

    expect(ruleOf(req)).toBe('passed');
  });

  it.each([
    'Host',
    'X-Forwarded-Host',
    'Transfer-Encoding',
    'Proxy-Authorization',
  ])('refuses a caller-set %s header', (name) => {
    const req = requestWith({ headers: { [name]: 'evil.example' } });

    expect(ruleOf(req)).toBe('header_not_allowed');
  });

  it('refuses a header value that smuggles a second line', () => {
    const req = requestWith({
      headers: { 'x-trace': 'a\r\nHost: evil.example' },
    });

    expect(ruleOf(req)).toBe('header_not_allowed');
  });

  it('refuses a method outside GET, POST and HEAD', () => {
    const req = requestWith({ method: 'CONNECT' as 'GET' });

    expect(ruleOf(req)).toBe('method_not_allowed');
  });
});
