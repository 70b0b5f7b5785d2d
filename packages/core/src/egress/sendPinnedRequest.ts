import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pinnedLookup } from './pinnedLookup';
import type { ResolvedAddress } from './types';

/** One HTTP request, already checked by the guard. */
interface PinnedRequest {
  url: URL;
  /** The checked host name; the only name the connection may look up. */
  host: string;
  /** The addresses the guard checked for `host`. */
  addresses: readonly ResolvedAddress[];
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

/** An answer whose body has not been read yet. */
interface PinnedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: IncomingMessage;
  /** Tears the connection down; safe to call at any point, and twice. */
  close(): void;
}

const hasHeader = (headers: Record<string, string>, name: string): boolean =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

/**
 * Sends one request with Node's own HTTP client on a fresh connection
 * that can reach only the checked addresses: the lookup answers nothing
 * else, so a DNS answer that changes after the check (rebinding) is never
 * used. TLS still checks the certificate against the host name, which is
 * also sent as SNI. The connection is not pooled (one request, then
 * closed), and HTTP/2 is never negotiated.
 *
 * Node's client is used rather than a separate HTTP library so that a
 * function's bundle does not carry one (issue 8, cold start).
 *
 * @param req - the checked request
 * @returns the status and headers; the caller reads or discards the body
 */
const sendPinnedRequest = (req: PinnedRequest): Promise<PinnedResponse> =>
  new Promise((resolve, reject) => {
    const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...req.headers };
    if (req.body !== undefined && !hasHeader(headers, 'content-length')) {
      headers['content-length'] = String(Buffer.byteLength(req.body));
    }

    const outgoing = send(
      req.url,
      {
        method: req.method,
        headers,
        signal: req.signal,
        agent: false,
        lookup: pinnedLookup(req.host, req.addresses),
      },
      (res) => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: res,
          close: () => {
            outgoing.destroy();
          },
        });
      },
    );
    outgoing.once('error', reject);
    outgoing.end(req.body);
  });

export type { PinnedRequest, PinnedResponse };
export { sendPinnedRequest };
