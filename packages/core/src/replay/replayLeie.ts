import type { Classification } from '../domain/classification';
import { finding } from '../domain/finding';
import type { Subject } from '../domain/subject';
import { buildLeieIndex } from '../sources/oig-leie/buildLeieIndex';
import { LeieFormatError } from '../sources/oig-leie/errors';
import { parseLeieCsv } from '../sources/oig-leie/parseLeieCsv';
import { screenSubject } from '../sources/oig-leie/screenSubject';
import type { SourceResponse } from '../workflows/perSubjectAdapter';

const unavailable = (
  code: string,
  detail: string,
  data: Record<string, unknown>,
): Classification => ({
  outcome: 'source_unavailable',
  findings: [finding(code, detail, data)],
});

/**
 * Screens a subject against a stored LEIE full list (`UPDATED.csv`), as
 * the refresh job and the screening adapter would have: a non-2xx answer
 * or a file that breaks a format rule is `source_unavailable` (finding
 * `list_refused` naming the rule and row, never a value), otherwise the
 * subject is screened with `at` as today and as the list date.
 */
const replayLeie = (
  subject: Subject,
  response: SourceResponse,
  at: Date,
): Classification => {
  if (response.status < 200 || response.status > 299) {
    return unavailable(
      'source_error',
      'The LEIE download did not answer with a file.',
      { status: response.status },
    );
  }

  let records: ReturnType<typeof parseLeieCsv>;
  try {
    records = parseLeieCsv(response.body);
  } catch (error) {
    if (error instanceof LeieFormatError) {
      return unavailable('list_refused', error.message, { ...error.context });
    }

    return unavailable('list_refused', 'The LEIE file could not be read.', {
      rule: 'parser_failure',
    });
  }
  const day = at.toISOString().slice(0, 10);

  return screenSubject(subject, buildLeieIndex(records), {
    listDate: day,
    today: day,
  });
};

export { replayLeie };
