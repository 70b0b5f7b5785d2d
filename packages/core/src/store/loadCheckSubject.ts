import type { Kysely } from 'kysely';
import type { Subject } from '../domain/subject';
import { NotFoundError } from './errors';
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
