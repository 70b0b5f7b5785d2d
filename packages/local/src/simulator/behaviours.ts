/**
 * How the simulated NPPES API answers for one NPI. `body` serves bytes the
 * caller built in the real format; the other kinds are the failures the
 * adapter must turn into `source_unavailable`.
 */
type NppesBehaviour =
  | {
      kind: 'body';
      body: Uint8Array | string;
      /** Default `application/json`. */
      contentType?: string;
    }
  /** HTTP 200 with an `Errors` array and no `results`, as NPPES does. */
  | { kind: 'errors200'; description?: string; field?: string; code?: string }
  | { kind: 'http503' }
  /** Answers only after `delayMs` (default: the simulator's slow delay). */
  | { kind: 'slow'; delayMs?: number; then?: NppesBehaviour }
  /** HTTP 200 text/html maintenance page where JSON was expected. */
  | { kind: 'html' }
  /** HTTP 200 with an empty body. */
  | { kind: 'empty' };

/** A published LEIE full file. */
interface LeieFile {
  body: Uint8Array | string;
  /** Strong validator; default derived from the body's hash. */
  etag?: string;
  /** Default: when the file was set. */
  lastModified?: Date;
}

/**
 * How the simulated LEIE download answers. `file` serves the CSV with
 * validators and honours conditional requests.
 */
type LeieBehaviour =
  | ({ kind: 'file' } & LeieFile)
  /**
   * The download breaks: `connection` announces the full Content-Length and
   * drops the connection halfway; `mid-row` sends a complete-looking
   * response whose body stops in the middle of a row.
   */
  | ({ kind: 'truncated'; cut: 'connection' | 'mid-row' } & LeieFile)
  | { kind: 'http503' }
  | { kind: 'html' }
  | { kind: 'slow'; delayMs?: number };

export type { LeieBehaviour, LeieFile, NppesBehaviour };

/**
 * How the simulated SAM.gov Exclusions API answers one lookup. `body`
 * serves JSON built in the real format; the rest are the failures the
 * adapter must turn into `source_unavailable`.
 */
type SamBehaviour =
  | { kind: 'body'; body: Uint8Array | string; contentType?: string }
  /** The daily quota is spent; `retryAfter` in seconds when given. */
  | { kind: 'http429'; retryAfter?: number }
  /** The key is refused. */
  | { kind: 'http403' }
  /** HTTP 200 text/html where JSON was expected. */
  | { kind: 'html' };

export type { SamBehaviour };

/**
 * How the simulated Nursys e-Notify API answers the lookup of one license
 * (registered under `licenseKey`). `result` serves the records after
 * `pendingPolls` not-complete answers; the rest are the failures the
 * adapter must turn into `source_unavailable`.
 */
type NursysBehaviour =
  | {
      kind: 'result';
      /** `NurseLookupResponses` elements (see `makeNursysRecord`). */
      records: Record<string, unknown>[];
      /** Not-complete answers before the result; default the simulator's. */
      pendingPolls?: number;
    }
  /** The submit answers `TransactionSuccessFlag: false`. */
  | { kind: 'transaction_error'; code?: string }
  /** The submit answers HTTP 429, with `Retry-After` when given. */
  | { kind: 'http429'; retryAfter?: number }
  /** Polls answer an HTML maintenance page. */
  | { kind: 'html' }
  /** Polls answer HTTP 500. */
  | { kind: 'http500' }
  /** Polls answer "not complete" for ever. */
  | { kind: 'pending_forever' };

export type { NursysBehaviour };

/**
 * A failure the simulated board SaaS gives for one keyword. Searches
 * without one are answered from the board's registrants.
 */
type BoardBehaviour =
  /** HTTP 200 JSON with a non-zero `errorCode` (default "500"). */
  | { kind: 'errorCode'; errorCode?: string }
  /** HTTP 200 text/html where JSON was expected. */
  | { kind: 'html' }
  /** HTTP 200 with an empty body. */
  | { kind: 'empty' }
  | { kind: 'http500' }
  /** Too many requests; `retryAfter` in seconds when given. */
  | { kind: 'http429'; retryAfter?: number }
  /** HTTP 403 HTML, as the SaaS answers a user agent it refuses. */
  | { kind: 'agentRefused' }
  /** Exact bytes, for drifted shapes. */
  | { kind: 'body'; body: Uint8Array | string; contentType?: string };

/** One simulated board: its registry and its failures by keyword. */
interface BoardSimulation {
  /**
   * The board's license records in the SaaS's JSON shape (see
   * `makeBoardRecord`), in the order the board returns them.
   */
  registrants: readonly Record<string, unknown>[];
  /** Failures by keyword (see `boardBehaviourKey`). */
  failures?: Record<string, BoardBehaviour>;
}

export type { BoardBehaviour, BoardSimulation };
