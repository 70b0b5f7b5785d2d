import { ConfigError } from '../errors';
import { ALLOW_LIST } from './allowList';
import { isProductionStage } from './isProductionStage';
import { normaliseConfiguredHost } from './normaliseHost';
import type { LocalAllowance } from './types';

// Pending sources count too: a production host must never be loosened.
const PRODUCTION_HOSTS = new Set<string>(
  Object.values(ALLOW_LIST).flatMap((entries) => entries.map((e) => e.host)),
);

/**
 * Refuses a local allowance on a production stage, and any allowance host
 * that is not a bare name or that is a production host (the simulator is
 * reached through `rewrite`, never by loosening a real source).
 */
const checkLocalAllowance = (
  stage: string,
  allowance: LocalAllowance,
): void => {
  if (isProductionStage(stage)) {
    throw new ConfigError(
      `Local egress allowance given on production stage "${stage}"; ` +
        'remove it: it is for tests and the local run only',
      { context: { stage } },
    );
  }

  for (const host of allowance.hosts) {
    const normalised = normaliseConfiguredHost(host);
    if (normalised === undefined || PRODUCTION_HOSTS.has(normalised)) {
      throw new ConfigError(
        `Local egress allowance host "${host}" must be a bare host name ` +
          'off the production allow-list; use rewrite to reach a simulator',
        { context: { stage } },
      );
    }
  }
};

export { checkLocalAllowance };
