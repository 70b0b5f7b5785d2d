/**
 * Every environment variable a function of the tier receives, with what it
 * holds. Core's config schema must read exactly these keys.
 */
const FUNCTION_ENV = {
  ROVN_STAGE: 'SST stage the function belongs to',
  REQUESTS_TOPIC_ARN: 'ARN of the verification-requests SNS topic',
  EVENT_BUS_NAME: 'Name of the Passport EventBridge bus',
  RECEIPTS_BUCKET: 'Name of the source-receipts bucket',
  DATABASE_SECRET_ARN: 'ARN of the database secret (JSON with `url`)',
  SAM_API_KEY_SECRET_ARN:
    'ARN of the SAM.gov API key secret (JSON with `apiKey`); read by the SAM adapter only',
  NURSYS_CREDENTIALS_SECRET_ARN:
    'ARN of the Nursys e-Notify credentials secret (JSON with `username`, `password`); read by the Nursys functions only',
  SES_FROM_ADDRESS: 'Verified SES identity the notifier sends from',
  SES_CONFIGURATION_SET: 'SES configuration set that records feedback',
  APP_BASE_URL: 'https base URL of the Passport web app, for email links',
  OPERATOR_EMAIL:
    'Operators mailbox for source outages and unreachable facilities',
  EGRESS_ALLOWED_HOSTS:
    "Comma-separated hosts of the function's source(s); empty for none",
} as const;

/** Name of one variable in `FUNCTION_ENV`. */
type FunctionEnvKey = keyof typeof FUNCTION_ENV;

/** The complete environment of one function. */
type FunctionEnvironment = Record<FunctionEnvKey, string>;

export type { FunctionEnvironment, FunctionEnvKey };
export { FUNCTION_ENV };
