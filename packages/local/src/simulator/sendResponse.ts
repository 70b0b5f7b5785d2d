import type { ServerResponse } from 'node:http';

/** A complete response about to be sent. */
interface OutgoingAnswer {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

/** Sees (and may change) a response before it is sent. */
type ResponseTap = (answer: OutgoingAnswer) => OutgoingAnswer;

const taps = new WeakMap<ServerResponse, ResponseTap>();

/**
 * Routes the complete response written to `res` through `tap` first: the
 * simulator records what it served and corrupts bodies on demand here.
 */
const tapResponse = (res: ServerResponse, tap: ResponseTap): void => {
  taps.set(res, tap);
};

/** Writes a complete response with an exact Content-Length. */
const sendResponse = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array | string = '',
): void => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const tap = taps.get(res);
  const answer = tap?.({ status, headers, bytes }) ?? {
    status,
    headers,
    bytes,
  };

  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': answer.bytes.byteLength,
  });
  res.end(answer.bytes);
};

/** A maintenance page of the kind sources show during outages. */
const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>Scheduled Maintenance</title></head>' +
  '<body><h1>This site is temporarily unavailable</h1>' +
  '<p>Please try again later.</p></body></html>';

/** Content type of the simulated HTML pages. */
const HTML = 'text/html; charset=utf-8';

/** HTTP 200 with the maintenance page. */
const sendMaintenancePage = (res: ServerResponse): void =>
  sendResponse(res, 200, { 'Content-Type': HTML }, MAINTENANCE_PAGE);

/** HTTP 503 with a short HTML body, as load balancers answer. */
const sendServiceUnavailable = (res: ServerResponse): void =>
  sendResponse(
    res,
    503,
    { 'Content-Type': HTML, 'Retry-After': '120' },
    '<html><body><h1>503 Service Unavailable</h1></body></html>',
  );

export type { OutgoingAnswer, ResponseTap };
export {
  HTML,
  sendMaintenancePage,
  sendResponse,
  sendServiceUnavailable,
  tapResponse,
};
