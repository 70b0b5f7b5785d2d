import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../errors';

/**
 * Reads the SAM.gov API key from its Secrets Manager secret: either the
 * bare key, or JSON `{"apiKey": "..."}`. The key never appears in an
 * error; only the secret's ARN does.
 */
const samApiKeyFromSecret = async (
  client: SecretsManagerClient,
  secretArn: string,
): Promise<string> => {
  const answer = await client.send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  const text = answer.SecretString?.trim() ?? '';
  let key = text;
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      const apiKey = (value as { apiKey?: unknown }).apiKey;
      key = typeof apiKey === 'string' ? apiKey.trim() : '';
    } catch {
      key = '';
    }
  }
  if (key === '' || /\s/.test(key)) {
    throw new ConfigError(
      'The SAM API key secret must hold the key, or JSON of the form {"apiKey": "..."}',
      { context: { secret_arn: secretArn } },
    );
  }

  return key;
};

export { samApiKeyFromSecret };
