import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LeieBehaviour } from './behaviours';
import type { Defer } from './respondNppes';
import {
  sendMaintenancePage,
  sendResponse,
  sendServiceUnavailable,
} from './sendResponse';

/** A LEIE file with its validators fixed. */
interface ResolvedLeieFile {
  bytes: Buffer;
  etag: string;
  lastModified: Date;
}

/** A LEIE behaviour whose file (if any) has its validators fixed. */
type ResolvedLeieBehaviour =
  | ({ kind: 'file' } & ResolvedLeieFile)
  | ({ kind: 'truncated'; cut: 'connection' | 'mid-row' } & ResolvedLeieFile)
  | { kind: 'http503' }
  | { kind: 'html' }
  | { kind: 'slow'; delayMs?: number };

const CSV_TYPE = 'text/csv';

/** Fixes a behaviour's bytes, ETag and Last-Modified once, when it is set. */
const resolveLeieBehaviour = (
  behaviour: LeieBehaviour,
  now: Date,
): ResolvedLeieBehaviour => {
  if (behaviour.kind !== 'file' && behaviour.kind !== 'truncated') {
    return behaviour;
  }
  const bytes = Buffer.from(behaviour.body);
  const digest = createHash('sha256').update(bytes).digest('hex');
  // HTTP dates have second precision; keep the stored date comparable.
  const lastModified = new Date(
    Math.floor((behaviour.lastModified ?? now).getTime() / 1000) * 1000,
  );
  const file = {
    bytes,
    etag: behaviour.etag ?? `"${digest.slice(0, 32)}"`,
    lastModified,
  };

  return behaviour.kind === 'file'
    ? { kind: 'file', ...file }
    : { kind: 'truncated', cut: behaviour.cut, ...file };
};

const isNotModified = (req: IncomingMessage, file: ResolvedLeieFile) => {
  // RFC 9110: If-None-Match, when present, decides alone.
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === file.etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');

  return !Number.isNaN(since) && file.lastModified.getTime() <= since;
};

const validators = (file: ResolvedLeieFile) => ({
  ETag: file.etag,
  'Last-Modified': file.lastModified.toUTCString(),
});

// A cut inside a row: half way, moved off any line break so the last row
// is visibly incomplete rather than a clean, shorter file.
const midRowCut = (bytes: Buffer): number => {
  let cut = Math.max(1, Math.floor(bytes.length / 2));
  while (cut > 1 && (bytes[cut - 1] === 0x0a || bytes[cut - 1] === 0x0d)) {
    cut -= 1;
  }

  return Math.min(cut, bytes.length - 1);
};

const sendTruncated = (
  res: ServerResponse,
  file: ResolvedLeieFile,
  cut: 'connection' | 'mid-row',
): void => {
  const headers = { 'Content-Type': CSV_TYPE, ...validators(file) };
  if (cut === 'mid-row') {
    sendResponse(
      res,
      200,
      headers,
      file.bytes.subarray(0, midRowCut(file.bytes)),
    );
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': file.bytes.length });
  res.write(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)), () =>
    res.socket?.destroy(),
  );
};

/**
 * Answers a download of the LEIE full file (`UPDATED.csv`): the CSV with
 * its validators, 304 to a matching conditional request, or a failure.
 */
const respondLeie = (
  req: IncomingMessage,
  res: ServerResponse,
  behaviour: ResolvedLeieBehaviour | undefined,
  defer: Defer,
  slowDelayMs: number,
): void => {
  switch (behaviour?.kind) {
    case undefined:
      sendResponse(res, 404, { 'Content-Type': 'text/plain' }, 'Not Found');
      return;
    case 'file':
      if (isNotModified(req, behaviour)) {
        res.writeHead(304, validators(behaviour));
        res.end();
        return;
      }
      sendResponse(
        res,
        200,
        { 'Content-Type': CSV_TYPE, ...validators(behaviour) },
        behaviour.bytes,
      );
      return;
    case 'truncated':
      sendTruncated(res, behaviour, behaviour.cut);
      return;
    case 'http503':
      sendServiceUnavailable(res);
      return;
    case 'html':
      sendMaintenancePage(res);
      return;
    case 'slow':
      defer(behaviour.delayMs ?? slowDelayMs, () =>
        sendServiceUnavailable(res),
      );
      return;
  }
};

export type { ResolvedLeieBehaviour };
export { resolveLeieBehaviour, respondLeie };
