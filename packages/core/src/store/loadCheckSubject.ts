import type { Kysely } from 'kysely';
import type { Subject } from '../domain/subject';
import { NotFoundError, StoreError } from './errors';
import type { Database } from './schema';

/** The check, its credential and the person, as an adapter needs them. */
interface CheckSubject {
  checkId: string;
  source: string;
  subject: Subject;
  credential: {
    id: string;
    kind: string;
    label: string;
    expiresOn: string | null;
  };
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The stored former family names as the subject carries them: left out
 * when none are stored. A stored value that is not a list of strings is
 * refused, not ignored: screening without a known former name could
 * clear someone listed under it.
 */
const formerFamilyNames = (
  stored: unknown,
  workerId: string,
): { formerFamilyNames?: string[] } => {
  if (stored === null || stored === undefined) {
    return {};
  }
  // Some drivers hand jsonb back as text.
  const value = typeof stored === 'string' ? safeJson(stored) : stored;
  if (
    !Array.isArray(value) ||
    !value.every((name) => typeof name === 'string')
  ) {
    throw new StoreError(
      `Worker ${workerId} has former family names that are not a JSON list of strings; fix the stored value before screening this worker`,
      { context: { worker_id: workerId } },
    );
  }

  return value.length === 0 ? {} : { formerFamilyNames: value };
};

/** Loads what an adapter needs to verify one check. */
const loadCheckSubject = async (
  db: Kysely<Database>,
  checkId: string,
): Promise<CheckSubject> => {
  const row = await db
    .selectFrom('checks')
    .innerJoin('credentials', 'credentials.id', 'checks.credential_id')
    .innerJoin('workers', 'workers.id', 'checks.worker_id')
    .select([
      'checks.id as check_id',
      'checks.source',
      'credentials.id as credential_id',
      'credentials.kind',
      'credentials.label',
      'credentials.jurisdiction',
      'credentials.number',
      'credentials.license_type',
      'credentials.expires_on',
      'workers.id as worker_id',
      'workers.given_name',
      'workers.family_name',
      'workers.middle_name',
      'workers.date_of_birth',
      'workers.npi',
      'workers.former_family_names',
    ])
    .where('checks.id', '=', checkId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError('No check with this id', {
      context: { check_id: checkId },
    });
  }

  const license =
    row.kind === 'license' &&
    row.jurisdiction !== null &&
    row.number !== null &&
    row.license_type !== null
      ? {
          license: {
            jurisdiction: row.jurisdiction,
            number: row.number,
            type: row.license_type,
          },
        }
      : {};

  return {
    checkId: row.check_id,
    source: row.source,
    subject: {
      subjectId: row.worker_id,
      givenName: row.given_name,
      familyName: row.family_name,
      ...(row.middle_name === null ? {} : { middleName: row.middle_name }),
      ...(row.date_of_birth === null ? {} : { dateOfBirth: row.date_of_birth }),
      ...(row.npi === null ? {} : { npi: row.npi }),
      ...formerFamilyNames(row.former_family_names, row.worker_id),
      ...license,
    },
    credential: {
      id: row.credential_id,
      kind: row.kind,
      label: row.label,
      expiresOn: row.expires_on,
    },
  };
};

export type { CheckSubject };
export { loadCheckSubject };
