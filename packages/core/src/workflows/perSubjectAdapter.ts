import type { Classification } from '../domain/classification';
import type { Subject } from '../domain/subject';
import type { EgressRequest } from '../egress/types';
import type { SourceId } from '../topology/sources';

/** A source response as the parser sees it. */
interface SourceResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/**
 * The pure parts of a per-subject source: decide without calling when the
 * subject's data is invalid, build the request, parse, classify.
 */
interface PerSubjectAdapter<Parsed> {
  source: SourceId;
  /** Recorded with every result and receipt, so replay knows the rules. */
  version: string;
  precheck(subject: Subject): Classification | null;
  buildRequest(subject: Subject): Omit<EgressRequest, 'source'>;
  parse(response: SourceResponse): Parsed;
  classify(
    subject: Subject,
    parsed: Parsed,
    context: { now: Date },
  ): Classification;
}

export type { PerSubjectAdapter, SourceResponse };
