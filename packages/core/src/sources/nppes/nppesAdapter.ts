import type { PerSubjectAdapter } from '../../workflows/perSubjectAdapter';
import { buildNppesRequest } from './buildNppesRequest';
import { classifyNppes } from './classifyNppes';
import { parseNppesResponse } from './parseNppesResponse';
import { precheckNppes } from './precheckNppes';
import type { ParsedNppesResponse } from './types';

/** Bump when parsing or classification rules change. */
const NPPES_ADAPTER_VERSION = 'nppes-2';

/** The NPPES NPI Registry as a per-subject source. */
const nppesAdapter: PerSubjectAdapter<ParsedNppesResponse> = {
  source: 'nppes',
  version: NPPES_ADAPTER_VERSION,
  precheck: precheckNppes,
  buildRequest: (subject) => {
    const { source: _source, ...request } = buildNppesRequest(subject);

    return request;
  },
  parse: parseNppesResponse,
  classify: (subject, parsed) => classifyNppes(subject, parsed),
};

export { NPPES_ADAPTER_VERSION, nppesAdapter };
