import type { Classification } from '../domain/classification';
import type { EntitySubject } from '../domain/entitySubject';
import type { Subject } from '../domain/subject';
import { RovnError } from '../errors';
import { BOARD_ADAPTER_VERSION } from '../sources/board-saas/boardAdapter';
import { BOARDS, type BoardSourceId } from '../sources/board-saas/boards';
import {
  NPPES_ADAPTER_VERSION,
  nppesAdapter,
} from '../sources/nppes/nppesAdapter';
import { NURSYS_ADAPTER_VERSION } from '../sources/nursys/nursysAdapter';
import { SAM_ADAPTER_VERSION } from '../sources/sam/samAdapter';
import type { SourceId } from '../topology/sources';
import type { SourceResponse } from '../workflows/perSubjectAdapter';
import { LEIE_ADAPTER_VERSION } from '../workflows/screenLeieCheck';
import { replayBoard } from './replayBoard';
import { isEntitySubject, replayLeie } from './replayLeie';
import { replayNursys } from './replayNursys';
import { replayPerSubject } from './replayPerSubject';
import { replaySam } from './replaySam';

/** A person, or for sources that list businesses, an entity. */
type ReplaySubject = Subject | EntitySubject;

/** An entity subject was given for a source that only knows people. */
class ReplaySubjectError extends RovnError {
  override readonly name = 'ReplaySubjectError';
}

/** What a replay needs: the subject, the stored answer and "today". */
interface ReplayInput {
  source: SourceId;
  subject: ReplaySubject;
  response: SourceResponse;
  /** The moment expiry and reinstatement decisions are taken at. */
  at: Date;
}

/** A replayed classification and the rules version that produced it. */
interface ReplayResult extends Classification {
  source: SourceId;
  adapterVersion: string;
}

/** How one source turns stored bytes into a classification. */
interface Replayer {
  version: string;
  /** Content type assumed when the caller does not give one. */
  defaultContentType: string;
  classify(
    subject: Subject,
    response: SourceResponse,
    at: Date,
  ): Classification;
  /** How an entity subject is classified, for sources that list entities. */
  classifyEntity?: (
    subject: EntitySubject,
    response: SourceResponse,
    at: Date,
  ) => Classification;
}

/** One replayer per configured state board, all with the board rules. */
const boardReplayers = (): Record<BoardSourceId, Replayer> =>
  Object.fromEntries(
    BOARDS.map((board) => [
      board.id,
      {
        version: BOARD_ADAPTER_VERSION,
        defaultContentType: 'application/json',
        classify: replayBoard(board),
      },
    ]),
  ) as Record<BoardSourceId, Replayer>;

/**
 * One replayer per active source. The `Record<SourceId, ...>` type makes
 * adding a source to `SOURCE_IDS` without a replayer a compile error, so
 * every stored receipt stays replayable.
 */
const REPLAYERS: Record<SourceId, Replayer> = {
  nppes: {
    version: NPPES_ADAPTER_VERSION,
    defaultContentType: 'application/json',
    classify: replayPerSubject(nppesAdapter),
  },
  'oig-leie': {
    version: LEIE_ADAPTER_VERSION,
    defaultContentType: 'text/csv',
    classify: replayLeie,
    classifyEntity: replayLeie,
  },
  sam: {
    version: SAM_ADAPTER_VERSION,
    defaultContentType: 'application/json',
    classify: replaySam,
  },
  nursys: {
    version: NURSYS_ADAPTER_VERSION,
    defaultContentType: 'application/json',
    classify: replayNursys,
  },
  ...boardReplayers(),
};

/**
 * Re-runs a source's current parse and classify rules on stored bytes, for
 * operators and auditors. Pure: no network, no store, no clock besides
 * `at`. Never throws for bad bytes: whatever the parser does not
 * understand ends as `source_unavailable` with a finding saying why.
 *
 * @example replayClassification({ source: 'nppes', subject,
 *   response: { status: 200, contentType: 'application/json', body },
 *   at: new Date('2025-01-15T00:00:00Z') })
 */
const replayClassification = (input: ReplayInput): ReplayResult => {
  const replayer = REPLAYERS[input.source];
  const { subject, response, at } = input;
  let classification: Classification;
  if (!isEntitySubject(subject)) {
    classification = replayer.classify(subject, response, at);
  } else if (replayer.classifyEntity !== undefined) {
    classification = replayer.classifyEntity(subject, response, at);
  } else {
    throw new ReplaySubjectError(
      `Source ${input.source} lists people only; replay it with a person's subject`,
      { context: { source: input.source } },
    );
  }

  return {
    source: input.source,
    adapterVersion: replayer.version,
    outcome: classification.outcome,
    findings: classification.findings,
    ...(classification.expiresOn === undefined
      ? {}
      : { expiresOn: classification.expiresOn }),
  };
};

/** The content type a source's stored answers have when none is given. */
const defaultReplayContentType = (source: SourceId): string =>
  REPLAYERS[source].defaultContentType;

/** True when a source's replay accepts an entity subject. */
const replayAcceptsEntities = (source: SourceId): boolean =>
  REPLAYERS[source].classifyEntity !== undefined;

export type { ReplayInput, ReplayResult, ReplaySubject };
export {
  defaultReplayContentType,
  ReplaySubjectError,
  replayAcceptsEntities,
  replayClassification,
};
