import * as z from 'zod';
import { isProductionStage } from '../egress/isProductionStage';
import { ConfigError } from '../errors';
import { HOME_REGION } from '../topology/resources';

const base = z.object({
  ROVN_STAGE: z.string().min(1),
  AWS_REGION: z.literal(HOME_REGION, {
    error: `the worker tier runs only in ${HOME_REGION} (home region)`,
  }),
  /** Secrets Manager secret holding `{"url": "postgres://..."}`. */
  DATABASE_SECRET_ARN: z.string().min(1).optional(),
  /** A plain URL, accepted on non-production stages only. */
  DATABASE_URL: z.string().min(1).optional(),
});

/** Settings each handler needs, on top of the base. */
const SETTINGS = {
  sweep: { REQUESTS_TOPIC_ARN: z.string().min(1) },
  adapter: {
    RECEIPTS_BUCKET: z.string().min(1),
    EVENT_BUS_NAME: z.string().min(1),
  },
  /** The SAM.gov adapter also reads its API key secret at cold start. */
  samAdapter: {
    RECEIPTS_BUCKET: z.string().min(1),
    EVENT_BUS_NAME: z.string().min(1),
    SAM_API_KEY_SECRET_ARN: z.string().min(1),
  },
  /** The Nursys adapter reads the institution credentials secret. */
  nursysAdapter: {
    RECEIPTS_BUCKET: z.string().min(1),
    EVENT_BUS_NAME: z.string().min(1),
    NURSYS_CREDENTIALS_SECRET_ARN: z.string().min(1),
  },
  /** The daily Nursys notification lookup: archive and credentials. */
  nursysNotifications: {
    RECEIPTS_BUCKET: z.string().min(1),
    NURSYS_CREDENTIALS_SECRET_ARN: z.string().min(1),
  },
  leieRefresh: { RECEIPTS_BUCKET: z.string().min(1) },
  notifier: {
    SES_FROM_ADDRESS: z.email(),
    SES_CONFIGURATION_SET: z.string().min(1),
    APP_BASE_URL: z.url({ protocol: /^https?$/ }),
    OPERATOR_EMAIL: z.email(),
  },
  /** The daily notices job sends like the notifier does. */
  notices: {
    SES_FROM_ADDRESS: z.email(),
    SES_CONFIGURATION_SET: z.string().min(1),
    APP_BASE_URL: z.url({ protocol: /^https?$/ }),
    OPERATOR_EMAIL: z.email(),
  },
  /** SES feedback needs the database only. */
  sesFeedback: {},
  /** The daily coverage job: the database, and CloudWatch by IAM role. */
  coverage: {},
} as const;

type HandlerKind = keyof typeof SETTINGS;

type WorkerConfig<K extends HandlerKind> = z.infer<typeof base> & {
  [P in keyof (typeof SETTINGS)[K]]: string;
};

/**
 * Parses a handler's environment once, at cold start. A missing or bad
 * setting stops the start with a message naming every setting at fault.
 */
const parseWorkerConfig = <K extends HandlerKind>(
  kind: K,
  env: Record<string, string | undefined>,
): WorkerConfig<K> => {
  const schema = base.extend(SETTINGS[kind]);
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid ${kind} configuration: ${problems}`);
  }

  const config = parsed.data as unknown as WorkerConfig<K>;
  if (config.DATABASE_SECRET_ARN === undefined) {
    if (config.DATABASE_URL === undefined) {
      throw new ConfigError(
        'Invalid configuration: set DATABASE_SECRET_ARN (or DATABASE_URL on a non-production stage)',
      );
    }
    if (isProductionStage(config.ROVN_STAGE)) {
      throw new ConfigError(
        'Invalid configuration: DATABASE_URL is refused on production stages; use DATABASE_SECRET_ARN',
      );
    }
  }

  return config;
};

export type { HandlerKind, WorkerConfig };
export { parseWorkerConfig };
