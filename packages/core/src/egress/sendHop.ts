import { egressErrorFor } from './errors';
import type { EgressVerdict } from './evaluateEgress';
import type { Hop } from './nextHop';
import { REDIRECT_STATUSES } from './nextHop';
import { discardBody, readLimitedBody } from './readLimitedBody';
import { sendPinnedRequest } from './sendPinnedRequest';
import type { EgressLimits, EgressResponse } from './types';

/** What one hop ends in: a redirect to check next, or the response. */
type HopOutcome =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'response'; response: EgressResponse };

/** What a hop needs besides the request itself. */
interface HopContext {
  source: string;
  limits: EgressLimits;
  signal: AbortSignal;
  /** Lower-case media types the caller accepts; empty accepts any. */
  accept: readonly string[];
}

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const flattenHeaders = (
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined
        ? []
        : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
  );

const mediaType = (value: string | undefined): string =>
  (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Sends one checked hop over a connection pinned to the checked addresses
 * and reads the answer within the limits. A redirect's body is discarded
 * unread; the connection is torn down whatever happens.
 */
const sendHop = async (
  hop: Hop,
  verdict: Extract<EgressVerdict, { allowed: true }>,
  context: HopContext,
): Promise<HopOutcome> => {
  const res = await sendPinnedRequest({
    url: verdict.url,
    host: verdict.host,
    addresses: verdict.addresses,
    method: hop.method,
    headers: hop.headers,
    body: hop.body,
    signal: context.signal,
  });
  try {
    const location = first(res.headers.location);
    if (REDIRECT_STATUSES.has(res.status) && location !== undefined) {
      discardBody(res.body);
      return { kind: 'redirect', location, status: res.status };
    }

    const body = await readLimitedBody(res.body, {
      maxBytes: context.limits.maxBytes,
      contentLength: first(res.headers['content-length']),
      host: verdict.host,
      source: context.source,
    });
    const headers = flattenHeaders(res.headers);
    const contentType = mediaType(headers['content-type']);
    // Only a success is held to the accepted types; an error page comes
    // back as it is, so the caller sees a status it may retry.
    const success = res.status >= 200 && res.status < 300;
    if (
      success &&
      context.accept.length > 0 &&
      !context.accept.includes(contentType)
    ) {
      throw egressErrorFor({
        rule: 'content_type_refused',
        host: verdict.host,
        source: context.source,
        detail: contentType === '' ? 'none' : contentType,
      });
    }

    const response = {
      status: res.status,
      headers,
      body,
      url: verdict.url.href,
      contentType,
    };
    return { kind: 'response', response };
  } finally {
    res.close();
  }
};

export type { HopContext, HopOutcome };
export { sendHop };
