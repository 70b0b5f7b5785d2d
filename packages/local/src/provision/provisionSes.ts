import {
  CreateConfigurationSetCommand,
  type SESClient,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { isAwsError } from './isAwsError';

/** Inputs of {@link provisionSes}. */
interface SesSpec {
  ses: SESClient;
  sesFrom: string;
  sesDomain: string;
  configurationSet: string;
}

/**
 * Verifies the notices' sender address and domain and creates the
 * configuration set the notifier sends with. moto marks identities
 * verified at once; on AWS the domain needs its DNS records.
 */
const provisionSes = async (spec: SesSpec): Promise<void> => {
  const { ses } = spec;
  await ses.send(
    new VerifyEmailIdentityCommand({ EmailAddress: spec.sesFrom }),
  );
  await ses.send(new VerifyDomainIdentityCommand({ Domain: spec.sesDomain }));

  try {
    await ses.send(
      new CreateConfigurationSetCommand({
        ConfigurationSet: { Name: spec.configurationSet },
      }),
    );
  } catch (error) {
    if (!isAwsError(error, 'ConfigurationSetAlreadyExistsException')) {
      throw error;
    }
  }
};

export type { SesSpec };
export { provisionSes };
