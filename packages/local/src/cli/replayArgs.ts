import { parseArgs } from 'node:util';
import { isSourceId, type SourceId } from '@rovn/core';

/** Where the stored answer comes from: a file, or an archived receipt. */
type ReplayOrigin =
  | {
      kind: 'file';
      path: string;
      status: number;
      /** `undefined` means the source's usual type. */
      contentType: string | undefined;
    }
  | {
      kind: 'receipt';
      key: string;
      /** `undefined` means AWS itself, in the home region. */
      endpoint: string | undefined;
      bucket: string;
    };

/** The replay command's arguments, checked. */
interface ReplayArgs {
  /** `undefined` only with `--receipt`, whose key names the source. */
  source: SourceId | undefined;
  subjectPath: string;
  origin: ReplayOrigin;
  /** `YYYY-MM-DD`, or `undefined` for the default. */
  at: string | undefined;
}

/** What parsing the arguments gave: the request, help, or a problem. */
type ParsedReplayArgs =
  | { kind: 'args'; args: ReplayArgs }
  | { kind: 'help' }
  | { kind: 'usage'; problem: string };

/** A problem with the arguments, said in one line. */
class UsageProblem extends Error {}

const RECEIPT_KEY = /^receipts\/([^/]+)\/[0-9a-f]{64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Default bucket name, as the local stack provisions it. */
const DEFAULT_BUCKET = 'source-receipts';

const OPTIONS = {
  source: { type: 'string' },
  subject: { type: 'string' },
  response: { type: 'string' },
  status: { type: 'string' },
  'content-type': { type: 'string' },
  at: { type: 'string' },
  receipt: { type: 'string' },
  endpoint: { type: 'string' },
  bucket: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS }>
>['values'];

const isRealDay = (text: string): boolean => {
  const day = new Date(`${text}T00:00:00Z`);

  return (
    DAY.test(text) &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(text)
  );
};

const checkedSource = (
  value: string | undefined,
  known: readonly string[],
): SourceId | undefined => {
  if (value === undefined) {
    return undefined;
  }
  if (!isSourceId(value) || !known.includes(value)) {
    throw new UsageProblem(
      `unknown source "${value}"; known: ${known.join(', ')}`,
    );
  }

  return value;
};

const fileOrigin = (values: Values, source: SourceId | undefined) => {
  if (source === undefined) {
    throw new UsageProblem('--source <id> is required with --response');
  }
  if (values.endpoint !== undefined || values.bucket !== undefined) {
    throw new UsageProblem('--endpoint and --bucket only apply with --receipt');
  }
  const status = values.status ?? '200';
  const code = Number(status);
  if (!/^[0-9]{3}$/.test(status) || code < 100 || code > 599) {
    throw new UsageProblem(
      '--status must be an HTTP status code from 100 to 599',
    );
  }

  return {
    kind: 'file' as const,
    path: values.response ?? '',
    status: code,
    contentType: values['content-type'],
  };
};

const receiptOrigin = (
  values: Values,
  env: Record<string, string | undefined>,
) => {
  const key = values.receipt ?? '';
  if (!RECEIPT_KEY.test(key)) {
    throw new UsageProblem(
      `--receipt must be a receipt key (receipts/<source>/<sha256>), got "${key}"`,
    );
  }
  if (values.status !== undefined || values['content-type'] !== undefined) {
    throw new UsageProblem(
      '--status and --content-type come from the receipt; leave them out with --receipt',
    );
  }

  return {
    kind: 'receipt' as const,
    key,
    endpoint: values.endpoint ?? (env.AWS_ENDPOINT_URL || undefined),
    bucket: values.bucket ?? DEFAULT_BUCKET,
  };
};

const checkArgs = (
  values: Values,
  known: readonly string[],
  env: Record<string, string | undefined>,
): ReplayArgs => {
  const source = checkedSource(values.source, known);
  if (values.subject === undefined) {
    throw new UsageProblem('--subject <subject.json> is required');
  }
  if (values.at !== undefined && !isRealDay(values.at)) {
    throw new UsageProblem(
      `--at must be a real day as YYYY-MM-DD, got "${values.at}"`,
    );
  }
  if ((values.response === undefined) === (values.receipt === undefined)) {
    throw new UsageProblem(
      'give exactly one of --response <file> and --receipt <key>',
    );
  }

  const origin =
    values.receipt === undefined
      ? fileOrigin(values, source)
      : receiptOrigin(values, env);

  return { source, subjectPath: values.subject, origin, at: values.at };
};

/**
 * Parses and checks the replay command's arguments without touching any
 * file: exactly one of `--response` and `--receipt`, a known source (taken
 * from the receipt key when omitted), a status code, a real day for `--at`.
 *
 * @param argv - the arguments after `replay`
 * @param known - the source ids the command can replay
 * @param env - the environment, for `AWS_ENDPOINT_URL`
 */
const parseReplayArgs = (
  argv: string[],
  known: readonly string[],
  env: Record<string, string | undefined>,
): ParsedReplayArgs => {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: OPTIONS,
    });
    if (values.help === true) {
      return { kind: 'help' };
    }

    return { kind: 'args', args: checkArgs(values, known, env) };
  } catch (error) {
    // node:util's parseArgs throws TypeErrors with readable messages.
    return {
      kind: 'usage',
      problem: error instanceof Error ? error.message : 'bad arguments',
    };
  }
};

export type { ParsedReplayArgs, ReplayArgs, ReplayOrigin };
export { DEFAULT_BUCKET, parseReplayArgs, RECEIPT_KEY };
