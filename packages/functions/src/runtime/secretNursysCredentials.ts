import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  type NursysCredentialsProvider,
  nursysCredentialsFromSecret,
} from '@rovn/core';

/**
 * The Nursys institution credentials from Secrets Manager, read once per
 * cold start and kept in memory; a failed read is tried again on the next
 * invocation.
 */
const secretNursysCredentials = (
  secretArn: string,
  region: string,
  tracer: Tracer,
): NursysCredentialsProvider => {
  let credentials: ReturnType<NursysCredentialsProvider> | undefined;

  return () => {
    credentials ??= nursysCredentialsFromSecret(
      tracer.captureAWSv3Client(new SecretsManagerClient({ region })),
      secretArn,
    ).catch((error: unknown) => {
      credentials = undefined;
      throw error;
    });

    return credentials;
  };
};

export { secretNursysCredentials };
