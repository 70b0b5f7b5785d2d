import type { Classification } from '../domain/classification';
import type { Subject } from '../domain/subject';
import { classifySam } from '../sources/sam/classifySam';
import { parseSamResponse } from '../sources/sam/parseSamResponse';
import type { SourceResponse } from '../workflows/perSubjectAdapter';

/**
 * Classifies one stored SAM.gov answer with `at` as today. A check makes
 * up to two lookups (NPI, name), each archived as its own receipt; the
 * check's outcome is the most severe of the replays of its receipts.
 */
const replaySam = (
  subject: Subject,
  response: SourceResponse,
  at: Date,
): Classification =>
  classifySam(
    subject,
    [{ query: 'replay', parsed: parseSamResponse(response) }],
    { today: at.toISOString().slice(0, 10) },
  );

export { replaySam };
