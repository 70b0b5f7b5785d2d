import * as z from 'zod';
import { ConfigError } from '../errors';
import type { EgressClientOptions } from './createEgressClient';
import { isProductionStage } from './isProductionStage';

const envSchema = z.object({
  ROVN_STAGE: z.string().trim().min(1),
  ROVN_EGRESS_LOCAL_ALLOWANCE: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((host) => host.trim())
        .filter((host) => host !== ''),
    ),
});

/**
 * Reads the egress settings from the environment: `ROVN_STAGE` (required)
 * and `ROVN_EGRESS_LOCAL_ALLOWANCE` (comma-separated loopback hosts, for
 * the local run). An allowance on a production stage stops the start, so
 * one stray variable cannot loosen production.
 */
const egressOptionsFromEnv = (
  env: Record<string, string | undefined> = process.env,
): Pick<EgressClientOptions, 'stage' | 'localAllowance'> => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const setting = parsed.error.issues[0]?.path.join('.') ?? 'ROVN_STAGE';
    throw new ConfigError(
      `Egress setting ${setting} is missing or invalid; ` +
        'set ROVN_STAGE to the deployment stage',
      { context: { setting } },
    );
  }
  const { ROVN_STAGE: stage, ROVN_EGRESS_LOCAL_ALLOWANCE: hosts } = parsed.data;

  if (hosts.length === 0) {
    return { stage };
  }
  if (isProductionStage(stage)) {
    throw new ConfigError(
      `ROVN_EGRESS_LOCAL_ALLOWANCE is set on production stage "${stage}"; unset it`,
      { context: { stage, setting: 'ROVN_EGRESS_LOCAL_ALLOWANCE' } },
    );
  }

  return {
    stage,
    localAllowance: { hosts, allowHttp: true, allowLoopback: true },
  };
};

export { egressOptionsFromEnv };
