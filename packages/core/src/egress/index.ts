export type {
  AllowListEntry,
  AllowListKey,
  SourcedAllowListEntry,
} from './allowList';
export {
  ALLOW_LIST,
  activeAllowList,
  allowedHosts,
  hostsForSource,
} from './allowList';
export { classifyAddress } from './classifyAddress';
export type { EgressClientOptions } from './createEgressClient';
export { createEgressClient } from './createEgressClient';
export { egressOptionsFromEnv } from './egressOptionsFromEnv';
export type { EgressRefusal, EgressRule } from './errors';
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
} from './errors';
export type { EgressVerdict, EvaluateEgressOptions } from './evaluateEgress';
export { evaluateEgress } from './evaluateEgress';
export { isProductionStage } from './isProductionStage';
export type { EgressLimitOverrides } from './limits';
export { DEFAULT_EGRESS_LIMITS, limitsFor } from './limits';
export { redactUrl } from './redactUrl';
export { systemResolver } from './systemResolver';
export type {
  EgressClient,
  EgressLimits,
  EgressRequest,
  EgressResponse,
  LocalAllowance,
  ResolvedAddress,
  Resolver,
} from './types';
