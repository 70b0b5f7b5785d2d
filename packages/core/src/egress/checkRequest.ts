import { egressErrorFor } from './errors';
import type { EgressRequest } from './types';

const METHODS = new Set(['GET', 'POST', 'HEAD']);

// Headers that would let a caller steer routing (domain fronting through a
// shared front end via Host), smuggle requests, or talk to a proxy.
const FORBIDDEN_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

/**
 * Refuses a request whose method is not GET, POST or HEAD, or that sets a
 * routing or hop-by-hop header, or a header value with line breaks. Runs
 * before any resolution or connection.
 */
const checkRequest = (req: EgressRequest, host: string): void => {
  if (!METHODS.has(req.method ?? 'GET')) {
    throw egressErrorFor({
      rule: 'method_not_allowed',
      host,
      source: req.source,
    });
  }

  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const lower = name.toLowerCase();
    if (FORBIDDEN_HEADERS.has(lower) || /[\r\n\0]/.test(`${name}${value}`)) {
      throw egressErrorFor({
        rule: 'header_not_allowed',
        host,
        source: req.source,
        detail: lower.replace(/[^a-z0-9-]/g, '?'),
      });
    }
  }
};

export { checkRequest };
