import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  createEgressClient,
  databaseUrlFromSecret,
  egressOptionsFromEnv,
  type HandlerKind,
  openPostgresStore,
  parseWorkerConfig,
} from '@rovn/core';
import { createTracer } from './observability';
import type {
  AwsClientName,
  AwsClients,
  DepsProvider,
  WorkerDeps,
} from './workerDeps';

/** How to build each AWS client a function uses, from the region. */
type ClientFactories<C extends AwsClientName> = {
  [K in C]: (region: string) => AwsClients[K];
};

/**
 * Builds a handler's production dependencies from its environment. The
 * configuration is parsed at once (a bad setting fails the cold start);
 * the database connection is opened on first use and then reused.
 *
 * Only the AWS clients in `clients` are built, each traced: the entry
 * file names them, so its bundle carries no other SDK client.
 *
 * @param kind - which settings the handler needs (core's workerConfig)
 * @param serviceName - the Powertools service name
 * @param clients - a factory per AWS client the handler uses
 * @example
 * productionDeps('sweep', 'sweep', {
 *   sns: (region) => new SNSClient({ region }),
 * });
 */
const productionDeps = <C extends AwsClientName>(
  kind: HandlerKind,
  serviceName: string,
  clients: ClientFactories<C>,
): DepsProvider<C> => {
  const tracer = createTracer(serviceName);
  const config = parseWorkerConfig(kind, process.env) as Record<
    string,
    string | undefined
  >;
  const egressOptions = egressOptionsFromEnv(process.env);
  const region = String(config.AWS_REGION);
  let built: Promise<WorkerDeps<C>> | undefined;

  const build = async (): Promise<WorkerDeps<C>> => {
    const secretArn = config.DATABASE_SECRET_ARN;
    const url =
      secretArn === undefined
        ? (config.DATABASE_URL ?? '')
        : await databaseUrlFromSecret(
            tracer.captureAWSv3Client(new SecretsManagerClient({ region })),
            secretArn,
          );
    const store = await openPostgresStore({ url, maxConnections: 2 });

    return {
      db: store.db,
      clock: () => new Date(),
      ...buildClients(clients, region, tracer),
      egress: createEgressClient(egressOptions),
      settings: {
        topicArn: config.REQUESTS_TOPIC_ARN ?? '',
        busName: config.EVENT_BUS_NAME ?? '',
        bucket: config.RECEIPTS_BUCKET ?? '',
        sesFrom: config.SES_FROM_ADDRESS ?? '',
        configurationSet: config.SES_CONFIGURATION_SET ?? '',
        appBaseUrl: config.APP_BASE_URL ?? '',
        operatorEmail: config.OPERATOR_EMAIL ?? '',
      },
    };
  };

  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });

    return built;
  };
};

/** Each named client, built for the region and traced. */
const buildClients = <C extends AwsClientName>(
  clients: ClientFactories<C>,
  region: string,
  tracer: Tracer,
): Pick<AwsClients, C> =>
  Object.fromEntries(
    Object.entries<(region: string) => AwsClients[C]>(clients).map(
      ([name, create]) => [name, tracer.captureAWSv3Client(create(region))],
    ),
  ) as Pick<AwsClients, C>;

export type { ClientFactories };
export { productionDeps };
