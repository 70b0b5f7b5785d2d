import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type SamApiKeyProvider, samApiKeyFromSecret } from '@rovn/core';

/**
 * The SAM.gov API key from Secrets Manager, read once per cold start and
 * kept in memory; a failed read is tried again on the next invocation.
 */
const secretSamApiKey = (
  secretArn: string,
  region: string,
  tracer: Tracer,
): SamApiKeyProvider => {
  let key: Promise<string> | undefined;

  return () => {
    key ??= samApiKeyFromSecret(
      tracer.captureAWSv3Client(new SecretsManagerClient({ region })),
      secretArn,
    ).catch((error: unknown) => {
      key = undefined;
      throw error;
    });

    return key;
  };
};

export { secretSamApiKey };
