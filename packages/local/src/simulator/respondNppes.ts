import type { ServerResponse } from 'node:http';
import type { NppesBehaviour } from './behaviours';
import {
  sendMaintenancePage,
  sendResponse,
  sendServiceUnavailable,
} from './sendResponse';

/** Lets a responder answer later, on a timer the simulator can cancel. */
type Defer = (delayMs: number, answer: () => void) => void;

const JSON_TYPE = 'application/json';

/** What NPPES answers for an NPI it does not know (or has deactivated). */
const NO_RESULTS = '{"result_count":0,"results":[]}';

// Search criteria the real API accepts besides `number`; a request with
// none of them is refused with error 04, as NPPES does.
const CRITERIA = [
  'number',
  'first_name',
  'last_name',
  'organization_name',
  'taxonomy_description',
  'city',
  'state',
  'postal_code',
  'enumeration_type',
];

const errorsBody = (description: string, field: string, code: string) =>
  JSON.stringify({ Errors: [{ description, field, number: code }] });

const noResults = (): NppesBehaviour => ({ kind: 'body', body: NO_RESULTS });

const answer = (
  res: ServerResponse,
  behaviour: NppesBehaviour,
  defer: Defer,
  slowDelayMs: number,
): void => {
  switch (behaviour.kind) {
    case 'body':
      sendResponse(
        res,
        200,
        { 'Content-Type': behaviour.contentType ?? JSON_TYPE },
        behaviour.body,
      );
      return;
    case 'errors200':
      sendResponse(
        res,
        200,
        { 'Content-Type': JSON_TYPE },
        errorsBody(
          behaviour.description ?? 'No valid search criteria provided',
          behaviour.field ?? 'number',
          behaviour.code ?? '04',
        ),
      );
      return;
    case 'http503':
      sendServiceUnavailable(res);
      return;
    case 'slow':
      defer(behaviour.delayMs ?? slowDelayMs, () =>
        answer(res, behaviour.then ?? noResults(), defer, slowDelayMs),
      );
      return;
    case 'html':
      sendMaintenancePage(res);
      return;
    case 'empty':
      sendResponse(res, 200, { 'Content-Type': JSON_TYPE });
      return;
  }
};

/**
 * Answers one NPPES API request (`/api/?version=2.1&number=...`) from the
 * behaviour registered for its NPI; unknown NPIs get the real "no results"
 * shape.
 */
const respondNppes = (
  res: ServerResponse,
  query: URLSearchParams,
  lookup: (npi: string) => NppesBehaviour | undefined,
  defer: Defer,
  slowDelayMs: number,
): void => {
  if (!CRITERIA.some((name) => (query.get(name) ?? '') !== '')) {
    answer(res, { kind: 'errors200', field: '' }, defer, slowDelayMs);
    return;
  }
  const npi = query.get('number') ?? '';
  const behaviour = npi === '' ? undefined : lookup(npi);

  answer(res, behaviour ?? noResults(), defer, slowDelayMs);
};

export type { Defer };
export { NO_RESULTS, respondNppes };
