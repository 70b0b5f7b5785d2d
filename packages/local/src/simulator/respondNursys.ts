import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  licenseKey,
  makeNursysNotificationBody,
  makeNursysResultBody,
  makeNursysSubmitBody,
  makeNursysTransaction,
} from '@rovn/core';
import type { NursysBehaviour } from './behaviours';
import { sendMaintenancePage, sendResponse } from './sendResponse';

const JSON_TYPE = 'application/json';

/** The simulated e-Notify paths (the production `/api/...` under `/nursys`). */
const NURSYS_PATHS = {
  nurseLookup: '/nursys/api/nurselookup',
  notificationLookup: '/nursys/api/notificationlookup',
} as const;

/** Request bodies larger than this are refused (413). */
const MAX_BODY_BYTES = 64 * 1024;

/** One submitted transaction the simulator remembers. */
type Transaction =
  | {
      kind: 'nurse';
      recordId: string;
      behaviour: NursysBehaviour | undefined;
      pollsLeft: number;
    }
  | { kind: 'notifications'; pollsLeft: number };

/** Options of {@link createNursysResponder}. */
interface NursysResponderConfig {
  /** Behaviour per license key (see `licenseKey`); unknown: no license. */
  behaviours?: Record<string, NursysBehaviour>;
  /** Not-complete answers before a result (default 1). */
  pendingPolls?: number;
  /** Changes the notification lookup reports (`makeNursysNotification`). */
  notifications?: Record<string, unknown>[];
}

/** The Nursys part of the simulator, with its own state. */
interface NursysResponder {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void;
  setBehaviour(key: string, behaviour: NursysBehaviour | undefined): void;
  setNotifications(notifications: Record<string, unknown>[]): void;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  sendResponse(
    res,
    status,
    { 'Content-Type': JSON_TYPE },
    JSON.stringify(body),
  );

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });

const text = (value: unknown): string =>
  typeof value === 'string' ? value : '';

/**
 * Answers the Nursys e-Notify API like the real one works: the
 * institution's `username` and `password` headers are required (401
 * without); a POST submits a lookup and answers a `Transaction`; a GET
 * with `transactionId` answers "not complete" for the first polls, then
 * the result. A license nobody registered is a nurse Nursys does not know
 * (a successful record without licenses). The notification lookup
 * reports the changes set with `setNotifications`.
 */
const createNursysResponder = (
  config: NursysResponderConfig = {},
): NursysResponder => {
  const behaviours = new Map(Object.entries(config.behaviours ?? {}));
  const pendingPolls = config.pendingPolls ?? 1;
  let notifications = config.notifications ?? [];
  const transactions = new Map<string, Transaction>();
  let next = 1;

  const submitNurse = async (req: IncomingMessage, res: ServerResponse) => {
    const body = (await readJson(req)) as
      | { NurseLookupRequests?: Record<string, unknown>[] }
      | undefined;
    const record = body?.NurseLookupRequests?.[0];
    if (record === undefined) {
      sendJson(res, 400, { Message: 'The request is invalid.' });
      return;
    }
    const behaviour = behaviours.get(
      licenseKey({
        jurisdiction: text(record.JurisdictionAbbreviation),
        licenseType: text(record.LicenseType),
        licenseNumber: text(record.LicenseNumber),
      }),
    );
    if (behaviour?.kind === 'http429') {
      sendResponse(
        res,
        429,
        {
          'Content-Type': JSON_TYPE,
          ...(behaviour.retryAfter === undefined
            ? {}
            : { 'Retry-After': String(behaviour.retryAfter) }),
        },
        '{"Message":"Too many requests."}',
      );
      return;
    }
    const id = `NT-${String(next++).padStart(8, '0')}`;
    if (behaviour?.kind === 'transaction_error') {
      sendJson(
        res,
        200,
        makeNursysSubmitBody(id, [
          {
            ErrorCode: behaviour.code ?? 'E1021',
            ErrorMessage: 'The transaction could not be processed.',
          },
        ]),
      );
      return;
    }
    transactions.set(id, {
      kind: 'nurse',
      recordId: text(record.RecordId),
      behaviour,
      pollsLeft:
        behaviour?.kind === 'result'
          ? (behaviour.pendingPolls ?? pendingPolls)
          : pendingPolls,
    });
    sendJson(res, 200, makeNursysSubmitBody(id));
  };

  const pollNurse = (
    res: ServerResponse,
    id: string,
    transaction: Extract<Transaction, { kind: 'nurse' }>,
  ) => {
    const { behaviour } = transaction;
    if (behaviour?.kind === 'html') {
      sendMaintenancePage(res);
      return;
    }
    if (behaviour?.kind === 'http500') {
      sendJson(res, 500, { Message: 'An error has occurred.' });
      return;
    }
    if (transaction.pollsLeft > 0 || behaviour?.kind === 'pending_forever') {
      transaction.pollsLeft -= 1;
      sendJson(res, 200, makeNursysResultBody(id, null));
      return;
    }
    const records =
      behaviour?.kind === 'result'
        ? behaviour.records
        : [{ SuccessFlag: true, Errors: [], NurseLookup: null }];
    sendJson(
      res,
      200,
      makeNursysResultBody(
        id,
        records.map((record) => ({
          ...record,
          RecordId: transaction.recordId,
        })),
      ),
    );
  };

  const poll = (res: ServerResponse, url: URL, kind: Transaction['kind']) => {
    const id = url.searchParams.get('transactionId') ?? '';
    const transaction = transactions.get(id);
    if (transaction === undefined || transaction.kind !== kind) {
      sendJson(res, 200, {
        Transaction: makeNursysTransaction(id, [
          {
            ErrorCode: 'E1004',
            ErrorMessage: 'The transaction id is not known.',
          },
        ]),
        ProcessingCompleteFlag: false,
      });
      return;
    }
    if (transaction.kind === 'nurse') {
      pollNurse(res, id, transaction);
      return;
    }
    if (transaction.pollsLeft > 0) {
      transaction.pollsLeft -= 1;
      sendJson(res, 200, makeNursysNotificationBody(id, null));
      return;
    }
    sendJson(res, 200, makeNursysNotificationBody(id, notifications));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (
      text(req.headers.username) === '' ||
      text(req.headers.password) === ''
    ) {
      sendJson(res, 401, { Message: 'Authorization has been denied.' });
      return;
    }
    const nurse = url.pathname === NURSYS_PATHS.nurseLookup;
    if (req.method === 'POST' && nurse) {
      void submitNurse(req, res);
      return;
    }
    if (req.method === 'POST') {
      const id = `NN-${String(next++).padStart(8, '0')}`;
      transactions.set(id, { kind: 'notifications', pollsLeft: pendingPolls });
      void readJson(req).then(() =>
        sendJson(res, 200, makeNursysSubmitBody(id)),
      );
      return;
    }
    poll(res, url, nurse ? 'nurse' : 'notifications');
  };

  return {
    handle,
    setBehaviour: (key, behaviour) => {
      if (behaviour === undefined) behaviours.delete(key);
      else behaviours.set(key, behaviour);
    },
    setNotifications: (list) => {
      notifications = list;
    },
  };
};

export type { NursysResponder, NursysResponderConfig };
export { createNursysResponder, NURSYS_PATHS };
