/** Bump when SAM.gov parsing or classification rules change. */
const SAM_ADAPTER_VERSION = 'sam-1';

/**
 * Calls a SAM.gov account may make per UTC day. Accounts get 10, 1 000 or
 * 10 000 by type; this is the 1 000 of a registered entity's system
 * account, and a deployment with another quota passes its own.
 */
const SAM_DEFAULT_DAILY_CALLS = 1_000;

export { SAM_ADAPTER_VERSION, SAM_DEFAULT_DAILY_CALLS };
