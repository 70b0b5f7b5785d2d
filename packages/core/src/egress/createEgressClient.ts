import type { SourceId } from '../topology/sources';
import { checkLocalAllowance } from './checkLocalAllowance';
import { checkRequest } from './checkRequest';
import { EgressRefusedError, egressErrorFor } from './errors';
import { type EgressVerdict, evaluateEgress } from './evaluateEgress';
import { type EgressLimitOverrides, limitsFor } from './limits';
import { type Hop, nextHop } from './nextHop';
import { sendHop } from './sendHop';
import { systemResolver } from './systemResolver';
import type {
  EgressClient,
  EgressRequest,
  EgressResponse,
  LocalAllowance,
  Resolver,
} from './types';
import { untilAborted } from './untilAborted';

/** How the guarded client is built; only `localAllowance` loosens it. */
interface EgressClientOptions {
  /** Deployment stage; production stages refuse any local allowance. */
  stage: string;
  localAllowance?: LocalAllowance;
  /** Defaults to the operating system resolver (all addresses). */
  resolve?: Resolver;
  limits?: EgressLimitOverrides;
}

const MAX_REDIRECTS = 3;

/**
 * Sent unless the caller names its own: some sources (state boards) refuse
 * requests without a user agent or with a tool's default one.
 */
const USER_AGENT =
  'RovnPassport-Verification/1.0 (primary-source verification; +https://rovn.example/verification)';

const hostOf = (url: string): string =>
  URL.canParse(url) ? new URL(url).hostname : '';

/** The first hop: the caller's request, asking for what it accepts. */
const firstHop = (req: EgressRequest): Hop => {
  const headers = { ...req.headers };
  const hasAccept = Object.keys(headers).some(
    (name) => name.toLowerCase() === 'accept',
  );
  if (req.accept !== undefined && req.accept.length > 0 && !hasAccept) {
    headers.accept = req.accept.join(', ');
  }
  const hasAgent = Object.keys(headers).some(
    (name) => name.toLowerCase() === 'user-agent',
  );
  if (!hasAgent) headers['user-agent'] = USER_AGENT;

  return { url: req.url, method: req.method ?? 'GET', headers, body: req.body };
};

/**
 * Builds the one client through which core reaches the network. Each hop
 * is evaluated by `evaluateEgress`, connected to the checked addresses
 * only, read within the source's size and time limits; redirects are
 * re-checked hop by hop, at most 3.
 *
 * @example
 * const egress = createEgressClient({ stage: 'dev' });
 * const res = await egress.fetch({
 *   source: 'nppes',
 *   url,
 *   accept: ['application/json'],
 * });
 */
const createEgressClient = (options: EgressClientOptions): EgressClient => {
  const allowance = options.localAllowance;
  if (allowance !== undefined) {
    checkLocalAllowance(options.stage, allowance);
  }
  const resolve = options.resolve ?? systemResolver;

  const evaluate = (url: string, source: SourceId): Promise<EgressVerdict> => {
    const rewrite = allowance?.rewrite;
    const target =
      rewrite !== undefined && URL.canParse(url) ? rewrite(new URL(url)) : url;

    return evaluateEgress(target, {
      source,
      resolve,
      ...(allowance === undefined ? {} : { localAllowance: allowance }),
    });
  };

  const guardedFetch = async (req: EgressRequest): Promise<EgressResponse> => {
    let host = hostOf(req.url);
    checkRequest(req, host);
    const limits = limitsFor(req.source, options.limits);
    const signal = AbortSignal.timeout(limits.timeoutMs);
    const context = {
      source: req.source,
      limits,
      signal,
      accept: (req.accept ?? []).map((type) => type.toLowerCase()),
    };
    let hop = firstHop(req);

    try {
      for (let redirects = 0; ; redirects += 1) {
        const verdict = await untilAborted(
          evaluate(hop.url, req.source),
          signal,
        );
        host = verdict.host;
        if (!verdict.allowed) {
          const { rule, detail } = verdict;
          throw egressErrorFor({
            rule,
            host,
            source: req.source,
            ...(detail === undefined ? {} : { detail }),
          });
        }

        const outcome = await sendHop(hop, verdict, context);
        if (outcome.kind === 'response') {
          return outcome.response;
        }
        if (redirects >= MAX_REDIRECTS) {
          throw egressErrorFor({
            rule: 'redirect_limit',
            host,
            source: req.source,
          });
        }
        // Relative locations resolve against the URL actually requested.
        const current = { ...hop, url: verdict.url.href };
        hop = nextHop(current, outcome.location, outcome.status);
      }
    } catch (error) {
      if (error instanceof EgressRefusedError) {
        throw error;
      }
      if (signal.aborted) {
        throw egressErrorFor({ rule: 'timeout', host, source: req.source });
      }

      throw egressErrorFor({
        rule: 'connection_failed',
        host,
        source: req.source,
        cause: error,
      });
    }
  };

  return { fetch: guardedFetch };
};

export type { EgressClientOptions };
export { createEgressClient };
