import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { ConfigError } from '../errors';

const secretSchema = z.object({ url: z.string().min(1) });

/** Reads the database URL from its Secrets Manager secret. */
const databaseUrlFromSecret = async (
  client: SecretsManagerClient,
  secretArn: string,
): Promise<string> => {
  const answer = await client.send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  const parsed = secretSchema.safeParse(
    JSON.parse(answer.SecretString ?? 'null'),
  );
  if (!parsed.success) {
    throw new ConfigError(
      'The database secret must be JSON of the form {"url": "postgres://..."}',
      { context: { secret_arn: secretArn } },
    );
  }

  return parsed.data.url;
};

export { databaseUrlFromSecret };
