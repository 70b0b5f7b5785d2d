import type { SourceId } from '../topology/sources';

/** One request through the egress guard. */
interface EgressRequest {
  /** The source on whose behalf the call is made (limits are per source). */
  source: SourceId;
  url: string;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** Content types the caller can parse (`application/json`, `text/csv`). */
  accept?: readonly string[];
}

/** A response whose body has been read completely, within the limits. */
interface EgressResponse {
  status: number;
  headers: Record<string, string>;
  /** The exact bytes the source sent (what the receipt archives). */
  body: Uint8Array;
  /** The final URL after any redirects. */
  url: string;
  /** Content type without parameters, lower case, or '' when absent. */
  contentType: string;
}

/** The only way core code may reach the network. */
interface EgressClient {
  fetch(request: EgressRequest): Promise<EgressResponse>;
}

export type { EgressClient, EgressRequest, EgressResponse };
