import { RovnError } from '../errors';

/** Every rule the guard can refuse a call under; values are stable. */
const EGRESS_RULES = [
  'invalid_url',
  'scheme_not_https',
  'userinfo_present',
  'ip_literal',
  'host_not_allowed',
  'host_not_for_source',
  'port_not_allowed',
  'resolution_failed',
  'resolved_private_address',
  'method_not_allowed',
  'header_not_allowed',
  'redirect_limit',
  'response_too_large',
  'content_type_refused',
  'timeout',
  'connection_failed',
] as const;

type EgressRule = (typeof EGRESS_RULES)[number];

type UrlRule = 'invalid_url' | 'scheme_not_https' | 'userinfo_present';
type HostRule =
  | 'ip_literal'
  | 'host_not_allowed'
  | 'host_not_for_source'
  | 'port_not_allowed';
type RequestRule = 'method_not_allowed' | 'header_not_allowed';
type ResponseRule = 'response_too_large' | 'content_type_refused';

/** What a refusal names: the rule and the host, never a path or query. */
interface EgressRefusal<R extends EgressRule = EgressRule> {
  rule: R;
  /** Normalised host name, or '' when the URL did not parse. */
  host: string;
  source?: string;
  /** Extra words for the message; must never hold a path or query. */
  detail?: string;
  cause?: unknown;
}

/** Failures worth retrying later; every other rule is a policy decision. */
const TRANSIENT_RULES: ReadonlySet<EgressRule> = new Set([
  'resolution_failed',
  'timeout',
  'connection_failed',
]);

const ADVICE: Record<EgressRule, string> = {
  invalid_url: 'the adapter built a URL that does not parse',
  scheme_not_https: 'primary sources are reached over https only',
  userinfo_present: 'credentials in a URL are refused; send them in headers',
  ip_literal: 'sources are addressed by name, never by IP address',
  host_not_allowed:
    'add the host to egress/allowList.ts only if it is a primary source',
  host_not_for_source:
    'a source may only reach its own hosts (see egress/allowList.ts)',
  port_not_allowed: 'only port 443 is allowed',
  resolution_failed: 'the name did not resolve; retry later',
  resolved_private_address:
    'the name resolved to a non-public address, which is refused',
  method_not_allowed: 'only GET, POST and HEAD are allowed',
  header_not_allowed: 'routing and hop-by-hop headers are set by the guard',
  redirect_limit: 'the source redirected more than 3 times',
  response_too_large: 'raise the source limit in egress/limits.ts if genuine',
  content_type_refused: 'the source answered a content type the caller refused',
  timeout: 'the source did not answer in time; retry later',
  connection_failed: 'the connection failed; retry later',
};

const describe = (refusal: EgressRefusal): string => {
  const host = refusal.host === '' ? '(none)' : refusal.host;
  const source =
    refusal.source === undefined ? '' : ` (source ${refusal.source})`;
  const detail = refusal.detail === undefined ? '' : ` [${refusal.detail}]`;

  const where = `for host ${host}${source}${detail}`;

  return `Egress refused by rule ${refusal.rule} ${where}: ${ADVICE[refusal.rule]}`;
};

/**
 * Base of every egress failure. `rule` is stable and machine-readable;
 * `retryable` is true only for transient failures, so callers never retry a
 * policy refusal.
 */
class EgressRefusedError extends RovnError {
  override readonly name: string = 'EgressRefusedError';
  readonly rule: EgressRule;
  readonly retryable: boolean;
  readonly host: string;

  constructor(refusal: EgressRefusal) {
    const retryable = TRANSIENT_RULES.has(refusal.rule);

    super(describe(refusal), {
      cause: refusal.cause,
      context: {
        rule: refusal.rule,
        host: refusal.host,
        retryable,
        ...(refusal.source === undefined ? {} : { source: refusal.source }),
      },
    });
    this.rule = refusal.rule;
    this.retryable = retryable;
    this.host = refusal.host;
  }
}

/** The URL itself is refused: unparsable, not https, or with userinfo. */
class EgressUrlRefusedError extends EgressRefusedError {
  override readonly name: string = 'EgressUrlRefusedError';
  declare readonly rule: UrlRule;

  constructor(refusal: EgressRefusal<UrlRule>) {
    super(refusal);
  }
}

/** The host or port is off the allow-list, or belongs to another source. */
class EgressHostRefusedError extends EgressRefusedError {
  override readonly name: string = 'EgressHostRefusedError';
  declare readonly rule: HostRule;

  constructor(refusal: EgressRefusal<HostRule>) {
    super(refusal);
  }
}

/** The name resolved to an address outside public unicast space. */
class EgressAddressRefusedError extends EgressRefusedError {
  override readonly name: string = 'EgressAddressRefusedError';
  declare readonly rule: 'resolved_private_address';

  constructor(refusal: EgressRefusal<'resolved_private_address'>) {
    super(refusal);
  }
}

/** The name could not be resolved (transient). */
class EgressResolutionError extends EgressRefusedError {
  override readonly name: string = 'EgressResolutionError';
  declare readonly rule: 'resolution_failed';

  constructor(refusal: EgressRefusal<'resolution_failed'>) {
    super(refusal);
  }
}

/** The request carries a method or header the guard does not let through. */
class EgressRequestRefusedError extends EgressRefusedError {
  override readonly name: string = 'EgressRequestRefusedError';
  declare readonly rule: RequestRule;

  constructor(refusal: EgressRefusal<RequestRule>) {
    super(refusal);
  }
}

/** The source redirected more often than the guard follows. */
class EgressRedirectError extends EgressRefusedError {
  override readonly name: string = 'EgressRedirectError';
  declare readonly rule: 'redirect_limit';

  constructor(refusal: EgressRefusal<'redirect_limit'>) {
    super(refusal);
  }
}

/** The response exceeded the size cap or has a refused content type. */
class EgressResponseRefusedError extends EgressRefusedError {
  override readonly name: string = 'EgressResponseRefusedError';
  declare readonly rule: ResponseRule;

  constructor(refusal: EgressRefusal<ResponseRule>) {
    super(refusal);
  }
}

/** The call exceeded its total time limit (transient). */
class EgressTimeoutError extends EgressRefusedError {
  override readonly name: string = 'EgressTimeoutError';
  declare readonly rule: 'timeout';

  constructor(refusal: EgressRefusal<'timeout'>) {
    super(refusal);
  }
}

/** The connection failed or was reset (transient). */
class EgressConnectionError extends EgressRefusedError {
  override readonly name: string = 'EgressConnectionError';
  declare readonly rule: 'connection_failed';

  constructor(refusal: EgressRefusal<'connection_failed'>) {
    super(refusal);
  }
}

const isRule = <R extends EgressRule>(
  refusal: EgressRefusal,
  rules: readonly R[],
): refusal is EgressRefusal<R> =>
  (rules as readonly string[]).includes(refusal.rule);

/** Builds the error of the right family for a refusal. */
const egressErrorFor = (refusal: EgressRefusal): EgressRefusedError => {
  if (
    isRule(refusal, ['invalid_url', 'scheme_not_https', 'userinfo_present'])
  ) {
    return new EgressUrlRefusedError(refusal);
  }
  if (
    isRule(refusal, [
      'ip_literal',
      'host_not_allowed',
      'host_not_for_source',
      'port_not_allowed',
    ])
  ) {
    return new EgressHostRefusedError(refusal);
  }
  if (isRule(refusal, ['resolved_private_address'])) {
    return new EgressAddressRefusedError(refusal);
  }
  if (isRule(refusal, ['resolution_failed'])) {
    return new EgressResolutionError(refusal);
  }
  if (isRule(refusal, ['method_not_allowed', 'header_not_allowed'])) {
    return new EgressRequestRefusedError(refusal);
  }
  if (isRule(refusal, ['redirect_limit'])) {
    return new EgressRedirectError(refusal);
  }
  if (isRule(refusal, ['response_too_large', 'content_type_refused'])) {
    return new EgressResponseRefusedError(refusal);
  }
  if (isRule(refusal, ['timeout'])) {
    return new EgressTimeoutError(refusal);
  }

  return new EgressConnectionError({ ...refusal, rule: 'connection_failed' });
};

export type { EgressRefusal, EgressRule };
export {
  EGRESS_RULES,
  EgressAddressRefusedError,
  EgressConnectionError,
  EgressHostRefusedError,
  EgressRedirectError,
  EgressRefusedError,
  EgressRequestRefusedError,
  EgressResolutionError,
  EgressResponseRefusedError,
  EgressTimeoutError,
  EgressUrlRefusedError,
  egressErrorFor,
};
