import type { Classification } from '../domain/classification';
import type { EntitySubject } from '../domain/entitySubject';
import { finding } from '../domain/finding';
import type { Subject } from '../domain/subject';
import { buildLeieIndex } from '../sources/oig-leie/buildLeieIndex';
import { LeieFormatError } from '../sources/oig-leie/errors';
import { parseLeieCsv } from '../sources/oig-leie/parseLeieCsv';
import { screenLeieEntity } from '../sources/oig-leie/screenLeieEntity';
import { screenSubject } from '../sources/oig-leie/screenSubject';
import type { LeieRecord } from '../sources/oig-leie/types';
import type { SourceResponse } from '../workflows/perSubjectAdapter';

const unavailable = (
  code: string,
  detail: string,
  data: Record<string, unknown>,
): Classification => ({
  outcome: 'source_unavailable',
  findings: [finding(code, detail, data)],
});

/** The stored list's rows, or the classification that says why not. */
const readList = (response: SourceResponse): LeieRecord[] | Classification => {
  if (response.status < 200 || response.status > 299) {
    return unavailable(
      'source_error',
      'The LEIE download did not answer with a file.',
      { status: response.status },
    );
  }

  try {
    return parseLeieCsv(response.body);
  } catch (error) {
    if (error instanceof LeieFormatError) {
      return unavailable('list_refused', error.message, { ...error.context });
    }

    return unavailable('list_refused', 'The LEIE file could not be read.', {
      rule: 'parser_failure',
    });
  }
};

/** True for the entity shape of a replay subject. */
const isEntitySubject = (
  subject: Subject | EntitySubject,
): subject is EntitySubject => 'entityName' in subject;

/**
 * Screens a subject against a stored LEIE full list (`UPDATED.csv`), as
 * the refresh job and the screening adapter would have: a non-2xx answer
 * or a file that breaks a format rule is `source_unavailable` (finding
 * `list_refused` naming the rule and row, never a value), otherwise the
 * subject is screened with `at` as today and as the list date: a person
 * with `screenSubject`, an entity (`{"subjectId", "entityName", "npi"?}`)
 * with `screenLeieEntity`.
 */
const replayLeie = (
  subject: Subject | EntitySubject,
  response: SourceResponse,
  at: Date,
): Classification => {
  const records = readList(response);
  if (!Array.isArray(records)) {
    return records;
  }
  const day = at.toISOString().slice(0, 10);
  const index = buildLeieIndex(records);
  const options = { listDate: day, today: day };

  return isEntitySubject(subject)
    ? screenLeieEntity(subject, index, options)
    : screenSubject(subject, index, options);
};

export { isEntitySubject, replayLeie };
