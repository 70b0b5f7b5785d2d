import type { ServerResponse } from 'node:http';
import type { SamBehaviour } from './behaviours';
import { sendMaintenancePage, sendResponse } from './sendResponse';

const JSON_TYPE = 'application/json';

/** What SAM.gov answers when nothing matches. */
const SAM_NO_RESULTS =
  '{"totalRecords":0,"excludedEntity":[],"links":{"selfLink":""}}';

/**
 * The key a SAM behaviour is registered under: `npi:<ten digits>` for a
 * lookup by NPI, `name:<exclusionName in lower case>` for one by name.
 */
const samBehaviourKey = (
  query: { npi: string } | { exclusionName: string },
): string =>
  'npi' in query
    ? `npi:${query.npi}`
    : `name:${query.exclusionName.trim().toLowerCase()}`;

const keyOf = (query: URLSearchParams): string | null => {
  const npi = query.get('npi') ?? '';
  if (npi !== '') return samBehaviourKey({ npi });
  const name = query.get('exclusionName') ?? '';

  return name === '' ? null : samBehaviourKey({ exclusionName: name });
};

const answer = (res: ServerResponse, behaviour: SamBehaviour): void => {
  switch (behaviour.kind) {
    case 'body':
      sendResponse(
        res,
        200,
        { 'Content-Type': behaviour.contentType ?? JSON_TYPE },
        behaviour.body,
      );
      return;
    case 'http429':
      sendResponse(
        res,
        429,
        {
          'Content-Type': JSON_TYPE,
          ...(behaviour.retryAfter === undefined
            ? {}
            : { 'Retry-After': String(behaviour.retryAfter) }),
        },
        '{"code":"900804","message":"Message throttled out","description":"You have exceeded your quota."}',
      );
      return;
    case 'http403':
      sendResponse(
        res,
        403,
        { 'Content-Type': JSON_TYPE },
        '{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied."}',
      );
      return;
    case 'html':
      sendMaintenancePage(res);
      return;
  }
};

/**
 * Answers one SAM.gov Exclusions API v4 request. Like the real API it
 * refuses a request without `api_key` (403) and one without a filter
 * (400); otherwise the behaviour registered for the lookup answers, and
 * lookups nobody registered find nothing.
 */
const respondSam = (
  res: ServerResponse,
  query: URLSearchParams,
  lookup: (key: string) => SamBehaviour | undefined,
): void => {
  if ((query.get('api_key') ?? '') === '') {
    answer(res, { kind: 'http403' });
    return;
  }
  const key = keyOf(query);
  if (key === null) {
    sendResponse(
      res,
      400,
      { 'Content-Type': JSON_TYPE },
      '{"message":"Invalid search criteria","detail":"Provide at least one filter."}',
    );
    return;
  }

  answer(res, lookup(key) ?? { kind: 'body', body: SAM_NO_RESULTS });
};

export { respondSam, SAM_NO_RESULTS, samBehaviourKey };
