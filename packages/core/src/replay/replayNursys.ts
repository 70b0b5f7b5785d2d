import type { Classification } from '../domain/classification';
import type { Subject } from '../domain/subject';
import { classifyNursys } from '../sources/nursys/classifyNursys';
import { parseNursysResult } from '../sources/nursys/parseNursysResult';
import type { SourceResponse } from '../workflows/perSubjectAdapter';

/**
 * Classifies one stored Nursys nurse lookup result body (the GET answer,
 * whose receipt a result names) with `at` as today. A stored submit
 * answer (a bare `Transaction`) is not a result and replays as
 * `source_unavailable`; so does a result that was still pending.
 */
const replayNursys = (
  subject: Subject,
  response: SourceResponse,
  at: Date,
): Classification =>
  classifyNursys(subject, parseNursysResult(response), {
    today: at.toISOString().slice(0, 10),
  });

export { replayNursys };
