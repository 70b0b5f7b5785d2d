import type { ServerResponse } from 'node:http';
import {
  makeBoardBody,
  makeBoardErrorBody,
} from '../../../core/src/sources/board-saas/boardBodyFactory';
import type { BoardBehaviour, BoardSimulation } from './behaviours';
import { HTML, sendMaintenancePage, sendResponse } from './sendResponse';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The most records the simulated SaaS returns per page. */
const MAX_TAKE = 50;

/** The key a board failure is registered under: the keyword, lower case. */
const boardBehaviourKey = (keyword: string): string =>
  keyword.trim().toLowerCase();

/**
 * The SaaS refuses requests without a browser's user agent or a named
 * client's own; curl's and HTTP libraries' defaults are refused. The
 * tier's egress client sends `RovnPassport-Verification/...`.
 */
const isBoardAgentAccepted = (userAgent: string | undefined): boolean =>
  userAgent !== undefined &&
  (/^Mozilla\/\d/.test(userAgent) || /^RovnPassport-/.test(userAgent));

/** The 403 page the SaaS shows a refused client. */
const sendAgentRefused = (res: ServerResponse): void =>
  sendResponse(
    res,
    403,
    { 'Content-Type': HTML },
    '<html><head><title>Access denied</title></head><body><h1>Access denied</h1></body></html>',
  );

const sendJson = (res: ServerResponse, value: unknown): void =>
  sendResponse(res, 200, { 'Content-Type': JSON_TYPE }, JSON.stringify(value));

const fail = (res: ServerResponse, behaviour: BoardBehaviour): void => {
  switch (behaviour.kind) {
    case 'errorCode':
      sendJson(res, makeBoardErrorBody(behaviour.errorCode));
      return;
    case 'html':
      sendMaintenancePage(res);
      return;
    case 'empty':
      sendResponse(res, 200, { 'Content-Type': JSON_TYPE });
      return;
    case 'http500':
      sendResponse(
        res,
        500,
        { 'Content-Type': HTML },
        '<html><body><h1>500 Internal Server Error</h1></body></html>',
      );
      return;
    case 'http429':
      sendResponse(
        res,
        429,
        {
          'Content-Type': 'text/plain',
          ...(behaviour.retryAfter === undefined
            ? {}
            : { 'Retry-After': String(behaviour.retryAfter) }),
        },
        'Too Many Requests',
      );
      return;
    case 'agentRefused':
      sendAgentRefused(res);
      return;
    case 'body':
      sendResponse(
        res,
        200,
        { 'Content-Type': behaviour.contentType ?? JSON_TYPE },
        behaviour.body,
      );
      return;
  }
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value.toLowerCase() : '';

/** Whether a registrant matches a keyword the way the SaaS does: a substring. */
const matches = (record: Record<string, unknown>, keyword: string): boolean =>
  ['licenseNumber', 'lastName', 'firstName'].some((field) =>
    text(record[field]).includes(keyword),
  );

const nonNegative = (value: string | null): number | null =>
  value !== null && /^[0-9]{1,6}$/.test(value) ? Number(value) : null;

/**
 * Answers one `registrant/search` request of a simulated board. A failure
 * registered for the keyword answers first; otherwise every registrant
 * whose license number or name contains the keyword (case aside) matches,
 * and the page `skip`..`skip + take` of them is returned with the count of
 * all. A missing keyword or bad paging gets a non-zero `errorCode`.
 */
const respondBoard = (
  res: ServerResponse,
  query: URLSearchParams,
  board: BoardSimulation | undefined,
): void => {
  const keyword = boardBehaviourKey(query.get('keyword') ?? '');
  const skip = nonNegative(query.get('skip'));
  const take = nonNegative(query.get('take'));
  if (keyword === '' || skip === null || take === null || take > MAX_TAKE) {
    sendJson(res, makeBoardErrorBody('1'));
    return;
  }
  const failure = board?.failures?.[keyword];
  if (failure !== undefined) {
    fail(res, failure);
    return;
  }

  const found = (board?.registrants ?? []).filter((record) =>
    matches(record, keyword),
  );
  sendJson(res, makeBoardBody(found.slice(skip, skip + take), found.length));
};

export { boardBehaviourKey, isBoardAgentAccepted, respondBoard };
