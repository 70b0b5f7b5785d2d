import { ConfigError, HOME_REGION } from '@rovn/core';
import { awsClientConfig } from '../emulator/awsClientConfig';

/** Options every operator command shares, as `parseArgs` declares them. */
const TARGET_OPTIONS = {
  endpoint: { type: 'string' },
  stage: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
} as const;

/** Where an operator command acts: the emulator or an AWS account. */
interface OperatorTarget {
  /** Emulator URL; absent for AWS. */
  endpoint?: string;
  /** Name prefix: the SST stage on AWS, the local or test prefix. */
  prefix?: string;
  /** SDK v3 client configuration for every service client. */
  clientConfig: { region: string } & Record<string, unknown>;
  /** One line naming the target, for output. */
  label: string;
}

const TARGET_HELP = `Target (the same SDK configuration for both):
  --endpoint URL   an emulator such as moto_server (or env AWS_ENDPOINT_URL);
                   without it, AWS with the default credential chain
  --stage STAGE    the SST stage whose resources to use (required on AWS)
  --prefix PREFIX  the same, for a local or test topology's name prefix
  --region REGION  only ${HOME_REGION} is accepted (also env AWS_REGION)
`;

/**
 * Resolves the target of an operator command from its flags and the
 * environment, refusing any region but the home region: Passport data
 * never leaves it, not even for an operator's read.
 *
 * @param values - parsed `TARGET_OPTIONS`
 * @param env - the environment (`process.env` in the CLI)
 */
const operatorTarget = (
  values: {
    endpoint?: string;
    stage?: string;
    prefix?: string;
    region?: string;
  },
  env: Record<string, string | undefined>,
): OperatorTarget => {
  const region =
    values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? HOME_REGION;
  if (region !== HOME_REGION) {
    throw new ConfigError(
      `Region ${region} refused: Passport runs only in ${HOME_REGION}; pass --region ${HOME_REGION} or unset AWS_REGION`,
      { context: { region } },
    );
  }
  if (values.stage !== undefined && values.prefix !== undefined) {
    throw new ConfigError('Pass --stage or --prefix, not both');
  }
  const prefix = values.stage ?? values.prefix;
  const endpoint = values.endpoint ?? (env.AWS_ENDPOINT_URL || undefined);

  if (endpoint !== undefined) {
    return {
      endpoint,
      ...(prefix === undefined ? {} : { prefix }),
      clientConfig: { ...awsClientConfig(endpoint) },
      label: `emulator ${endpoint}${prefix ? `, prefix ${prefix}` : ''}`,
    };
  }
  if (prefix === undefined) {
    throw new ConfigError(
      'On AWS every resource name starts with the stage: pass --stage <stage> (or --endpoint for the emulator)',
    );
  }

  return {
    prefix,
    clientConfig: { region: HOME_REGION },
    label: `AWS ${HOME_REGION}, stage ${prefix}`,
  };
};

export type { OperatorTarget };
export { operatorTarget, TARGET_HELP, TARGET_OPTIONS };
