import { HOME_REGION } from '../../../core/src/topology';

/**
 * SDK v3 client configuration for the local emulator. Every service client
 * accepts it; only S3 reads `forcePathStyle` (moto answers bucket names in
 * the path, not as sub-domains of the loopback address).
 */
interface LocalAwsClientConfig {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: true;
}

/** Builds the one client configuration every local AWS client uses. */
const awsClientConfig = (endpoint: string): LocalAwsClientConfig => ({
  region: HOME_REGION,
  endpoint,
  // moto accepts any credentials; fixed dummies keep the SDK from looking
  // for a real profile on the developer's machine.
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  forcePathStyle: true,
});

export type { LocalAwsClientConfig };
export { awsClientConfig };
