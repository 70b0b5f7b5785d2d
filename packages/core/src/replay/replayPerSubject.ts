import type { Classification } from '../domain/classification';
import type { Subject } from '../domain/subject';
import type {
  PerSubjectAdapter,
  SourceResponse,
} from '../workflows/perSubjectAdapter';

/**
 * Classifies stored bytes the way `verifyPerSubject` classified them when
 * they arrived: the precheck first (a subject the adapter would not have
 * looked up is `invalid_input` whatever the bytes say), then parse and
 * classify with `at` as the current time.
 *
 * @param adapter - the source's pure functions
 */
const replayPerSubject =
  <Parsed>(adapter: PerSubjectAdapter<Parsed>) =>
  (subject: Subject, response: SourceResponse, at: Date): Classification => {
    const invalid = adapter.precheck(subject);
    if (invalid !== null) {
      return invalid;
    }

    return adapter.classify(subject, adapter.parse(response), { now: at });
  };

export { replayPerSubject };
