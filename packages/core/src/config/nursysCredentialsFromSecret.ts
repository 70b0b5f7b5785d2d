import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../errors';
import type { NursysCredentials } from '../sources/nursys/buildNursysRequests';

/**
 * Reads the institution's Nursys e-Notify credentials from their Secrets
 * Manager secret, JSON `{"username": "...", "password": "..."}`. Neither
 * value ever appears in an error; only the secret's ARN does.
 */
const nursysCredentialsFromSecret = async (
  client: SecretsManagerClient,
  secretArn: string,
): Promise<NursysCredentials> => {
  const answer = await client.send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  let value: unknown;
  try {
    value = JSON.parse(answer.SecretString ?? '');
  } catch {
    value = undefined;
  }
  const { username, password } = (value ?? {}) as Record<string, unknown>;
  if (
    typeof username !== 'string' ||
    typeof password !== 'string' ||
    username.trim() === '' ||
    password === ''
  ) {
    throw new ConfigError(
      'The Nursys credentials secret must hold JSON of the form {"username": "...", "password": "..."}',
      { context: { secret_arn: secretArn } },
    );
  }

  return { username: username.trim(), password };
};

export { nursysCredentialsFromSecret };
