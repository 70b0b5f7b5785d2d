import { readFile } from 'node:fs/promises';
import { S3Client } from '@aws-sdk/client-s3';
import {
  defaultReplayContentType,
  entitySubjectSchema,
  HOME_REGION,
  type ReadReceipt,
  type ReplaySubject,
  readReceipt,
  replayAcceptsEntities,
  replayClassification,
  SOURCE_IDS,
  type SourceId,
  type SourceResponse,
  sha256Of,
  subjectSchema,
} from '@rovn/core';
import { awsClientConfig } from '../emulator/awsClientConfig';
import { parseReplayArgs, RECEIPT_KEY, type ReplayArgs } from './replayArgs';

/** Where the command writes, and what it may be given instead of globals. */
interface ReplayIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Default the system clock; used when neither `--at` nor a receipt. */
  now?: () => Date;
}

const USAGE = `Usage: pnpm rovn replay --source <id> --subject <subject.json>
         --response <file> [--status 200] [--content-type <type>] [--at YYYY-MM-DD]
       pnpm rovn replay [--source <id>] --subject <subject.json>
         --receipt <key> [--endpoint <url>] [--bucket <name>] [--at YYYY-MM-DD]

Re-runs the current classification rules on stored bytes and prints one JSON
object with outcome, findings and, for a license matched to the subject, the
expiration date the source reports (expiresOn). Exit 0 for any outcome, 2 for bad
arguments or an unreadable subject or response file, 1 when a receipt
cannot be read.

  --source        ${SOURCE_IDS.join(', ')}
  --subject       {"subjectId","givenName","familyName","middleName"?,
                  "formerFamilyNames"?,"dateOfBirth"? (YYYY-MM-DD),"npi"?,
                  "license"?}; for oig-leie also an entity:
                  {"subjectId","entityName","npi"?}
  --response      the raw body exactly as the source sent it
  --status        HTTP status the body came with (default 200)
  --content-type  default: the source's usual type
  --at            "today" for expiry decisions (default: now, or the
                  receipt's fetch day with --receipt)
  --receipt       an archived receipt key (receipts/<source>/<sha256>)
  --endpoint      S3 endpoint, e.g. the local emulator (default
                  AWS_ENDPOINT_URL, else AWS in ${HOME_REGION})
  --bucket        receipts bucket (default source-receipts)
`;

/** A problem that ends the command with a message and an exit code. */
class ReplayStop extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const fileError = (error: unknown): string =>
  (error as { code?: unknown }).code === 'ENOENT'
    ? 'no such file'
    : ((error as { code?: string }).code ?? 'read failed');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts of a schema issue a message may use. */
interface SubjectIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/**
 * One problem with a subject file, naming the field but never its value
 * (a subject's values are PHI). An unknown field is named as such, so a
 * typo like `dateOfBrith` is not mistaken for a missing date of birth.
 */
const describeIssue = (issue: SubjectIssue): string => {
  const where = issue.path.map(String).join('.');
  const keys = issue.keys ?? [];
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown field${keys.length === 1 ? '' : 's'} ${keys.map((key) => `"${key}"`).join(', ')}`
      : issue.message;

  return where === '' ? what : `${where}: ${what}`;
};

/**
 * Reads a person's subject, or an entity's when the object has an
 * `entityName`. Unknown fields are refused: a misspelt field would
 * otherwise be left out of the match without a word.
 */
const readSubject = async (path: string): Promise<ReplaySubject> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReplayStop(`cannot read subject ${path}: ${fileError(error)}`, 2);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReplayStop(`subject ${path} is not valid JSON`, 2);
  }
  // Paths and zod's messages only: a subject's values are PHI.
  const parsed =
    isObject(value) && 'entityName' in value
      ? entitySubjectSchema.safeParse(value)
      : subjectSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(describeIssue).join('; ');
    throw new ReplayStop(
      `subject ${path} is not a valid subject: ${problems}`,
      2,
    );
  }

  return parsed.data;
};

const readStoredReceipt = async (
  origin: Extract<ReplayArgs['origin'], { kind: 'receipt' }>,
): Promise<ReadReceipt> => {
  const s3 =
    origin.endpoint === undefined
      ? new S3Client({ region: HOME_REGION })
      : new S3Client(awsClientConfig(origin.endpoint));
  try {
    return await readReceipt({ s3, bucket: origin.bucket }, origin.key);
  } catch (error) {
    const cause = (error as { cause?: { name?: string } }).cause?.name;
    throw new ReplayStop(
      `cannot read receipt ${origin.key} from bucket ${origin.bucket}${cause === undefined ? '' : ` (${cause})`}`,
      1,
    );
  } finally {
    s3.destroy();
  }
};

/** The stored answer, its source, and the receipt it came from if any. */
interface StoredAnswer {
  source: SourceId;
  response: SourceResponse;
  receipt: ReadReceipt | null;
}

const loadAnswer = async (args: ReplayArgs): Promise<StoredAnswer> => {
  const { origin } = args;
  if (origin.kind === 'file') {
    // parseReplayArgs requires --source with --response.
    const source = args.source as SourceId;
    let body: Uint8Array;
    try {
      body = new Uint8Array(await readFile(origin.path));
    } catch (error) {
      throw new ReplayStop(
        `cannot read response ${origin.path}: ${fileError(error)}`,
        2,
      );
    }
    const contentType = origin.contentType ?? defaultReplayContentType(source);

    return {
      source,
      response: { status: origin.status, contentType, body },
      receipt: null,
    };
  }

  const keySource = RECEIPT_KEY.exec(origin.key)?.[1] ?? '';
  if (args.source !== undefined && args.source !== keySource) {
    throw new ReplayStop(
      `--source ${args.source} does not match the receipt's source ${keySource}`,
      2,
    );
  }
  if (!(SOURCE_IDS as readonly string[]).includes(keySource)) {
    throw new ReplayStop(`receipt source ${keySource} cannot be replayed`, 2);
  }
  const receipt = await readStoredReceipt(origin);

  return {
    source: keySource as SourceId,
    response: {
      status: receipt.manifest.status,
      contentType: receipt.manifest.contentType,
      body: receipt.body,
    },
    receipt,
  };
};

/**
 * The day decisions are taken at: `--at`, else the day a receipt was
 * fetched (so a receipt replays as it was classified), else `null` (now).
 */
const replayDay = (args: ReplayArgs, answer: StoredAnswer): string | null =>
  args.at ?? answer.receipt?.manifest.fetchedAt.slice(0, 10) ?? null;

const describeReceipt = (receipt: ReadReceipt) => ({
  key: receipt.manifest.key,
  intact: receipt.intact,
  fetchedAt: receipt.manifest.fetchedAt,
  recordedAdapterVersion: receipt.manifest.adapterVersion,
  request: receipt.manifest.request,
  lock: {
    mode: receipt.lock.mode,
    retainUntil: receipt.lock.retainUntil?.toISOString() ?? null,
  },
});

/**
 * `rovn replay`: re-runs a source's current classification on stored
 * bytes (a file, or an archived receipt) and prints one JSON object with
 * `outcome`, `findings`, the expiration date the source reports for the
 * subject's license (`expiresOn`, when the classifier gives one), the
 * rules version, the day decided at and what was read. Returns the exit code: 0 for any classified outcome, 2 for bad
 * arguments or an unreadable or invalid subject or response file, 1 when
 * a receipt cannot be read.
 *
 * @param argv - the arguments after `replay`
 */
const runReplayCommand = async (
  argv: string[],
  io: ReplayIo,
): Promise<number> => {
  const parsed = parseReplayArgs(argv, SOURCE_IDS, io.env ?? process.env);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);

    return 0;
  }
  if (parsed.kind === 'usage') {
    io.stderr(`${parsed.problem}\n\n${USAGE}`);

    return 2;
  }

  try {
    const subject = await readSubject(parsed.args.subjectPath);
    const answer = await loadAnswer(parsed.args);
    if ('entityName' in subject && !replayAcceptsEntities(answer.source)) {
      throw new ReplayStop(
        `subject ${parsed.args.subjectPath} is an entity; sources that list entities: ${SOURCE_IDS.filter(replayAcceptsEntities).join(', ')}`,
        2,
      );
    }
    const now = (io.now ?? (() => new Date()))();
    const day = replayDay(parsed.args, answer);
    const at = day === null ? now : new Date(`${day}T00:00:00Z`);

    const result = replayClassification({
      source: answer.source,
      subject,
      response: answer.response,
      at,
    });
    if (answer.receipt !== null && !answer.receipt.intact) {
      io.stderr(
        `warning: receipt ${answer.receipt.manifest.key} no longer hashes to its key\n`,
      );
    }

    io.stdout(
      `${JSON.stringify(
        {
          source: result.source,
          subjectId: subject.subjectId,
          outcome: result.outcome,
          findings: result.findings,
          ...(result.expiresOn === undefined
            ? {}
            : { expiresOn: result.expiresOn }),
          adapterVersion: result.adapterVersion,
          at: at.toISOString(),
          response: {
            status: answer.response.status,
            contentType: answer.response.contentType,
            sizeBytes: answer.response.body.byteLength,
            sha256: sha256Of(answer.response.body).hex,
          },
          ...(answer.receipt === null
            ? {}
            : { receipt: describeReceipt(answer.receipt) }),
        },
        null,
        2,
      )}\n`,
    );

    return 0;
  } catch (error) {
    if (error instanceof ReplayStop) {
      io.stderr(`${error.message}\n`);

      return error.exitCode;
    }
    throw error;
  }
};

export type { ReplayIo };
export { runReplayCommand };
