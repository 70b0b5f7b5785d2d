import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { ProvisionError } from './errors';
import { isAwsError } from './isAwsError';

/**
 * Returns the ARN of the receipts' KMS key, found by its alias or created.
 * The alias is what makes this idempotent: CreateKey makes a new key on
 * every call.
 */
const provisionReceiptsKey = async (
  kms: KMSClient,
  alias: string,
): Promise<string> => {
  try {
    const found = await kms.send(new DescribeKeyCommand({ KeyId: alias }));
    if (found.KeyMetadata?.Arn !== undefined) return found.KeyMetadata.Arn;
  } catch (error) {
    if (!isAwsError(error, 'NotFoundException')) throw error;
  }

  const created = await kms.send(
    new CreateKeyCommand({
      Description: 'Passport source receipts (local)',
      KeyUsage: 'ENCRYPT_DECRYPT',
    }),
  );
  const arn = created.KeyMetadata?.Arn;
  if (arn === undefined) {
    throw new ProvisionError(`KMS returned no ARN for key ${alias}`, {
      context: { alias },
    });
  }
  await kms.send(
    new CreateAliasCommand({ AliasName: alias, TargetKeyId: arn }),
  );
  await kms.send(new EnableKeyRotationCommand({ KeyId: arn }));

  return arn;
};

export { provisionReceiptsKey };
