import type { VerificationCompleted } from '../../packages/core/src/events/contracts';
import type { Roster } from '../../packages/core/src/store';

/** Ids and addresses of the tenancy roster, unique per `tag`. */
const tenancyIds = (tag: string) => ({
  workerA: `wa-${tag}`,
  workerB: `wb-${tag}`,
  employer: `fa-${tag}`,
  otherFacility: `fb-${tag}`,
  formerEmployer: `fc-${tag}`,
  futureEmployer: `fd-${tag}`,
  email: {
    workerA: `worker-a-${tag}@workers.example`,
    workerB: `worker-b-${tag}@workers.example`,
    employer: `credentialing-a-${tag}@facility.example`,
    otherFacility: `credentialing-b-${tag}@facility.example`,
    formerEmployer: `credentialing-c-${tag}@facility.example`,
    futureEmployer: `credentialing-d-${tag}@facility.example`,
  },
});

/**
 * Two made-up workers and four facilities: worker A is employed by
 * `employer`, was employed by `formerEmployer` until 2026-01-31 and starts
 * at `futureEmployer` in 2027; worker B is employed by `otherFacility`
 * only. Each worker has one NPI credential and check.
 */
const makeTenancyRoster = (
  tag: string,
  options: { expiresOn?: string | null } = {},
): Roster => {
  const ids = tenancyIds(tag);
  const facility = (id: string, name: string, email: string) => ({
    id,
    name,
    notify_email: email,
  });
  const engagement = (
    facilityId: string,
    workerId: string,
    startsOn: string,
    endsOn: string | null,
  ) => ({
    facility_id: facilityId,
    worker_id: workerId,
    starts_on: startsOn,
    ends_on: endsOn,
  });
  const worker = (id: string, given: string, email: string) => ({
    id,
    given_name: given,
    family_name: 'Quillfeather',
    middle_name: null,
    date_of_birth: '1984-03-09',
    email,
    npi: null,
  });

  return {
    workers: [
      worker(ids.workerA, 'Ada', ids.email.workerA),
      worker(ids.workerB, 'Bram', ids.email.workerB),
    ],
    facilities: [
      facility(ids.employer, 'Lakeside General', ids.email.employer),
      facility(ids.otherFacility, 'Mercy Ridge', ids.email.otherFacility),
      facility(ids.formerEmployer, 'Harbor View', ids.email.formerEmployer),
      facility(
        ids.futureEmployer,
        'Northcott Clinic',
        ids.email.futureEmployer,
      ),
    ],
    engagements: [
      engagement(ids.employer, ids.workerA, '2024-01-01', null),
      engagement(ids.formerEmployer, ids.workerA, '2023-01-01', '2026-01-31'),
      engagement(ids.futureEmployer, ids.workerA, '2027-01-01', null),
      engagement(ids.otherFacility, ids.workerB, '2024-01-01', null),
    ],
    credentials: [ids.workerA, ids.workerB].map((workerId) => ({
      id: `cred-${workerId}`,
      worker_id: workerId,
      kind: 'license' as const,
      label: 'RN license (OH)',
      jurisdiction: 'OH',
      number: null,
      license_type: 'RN',
      expires_on: options.expiresOn ?? null,
    })),
    checks: [ids.workerA, ids.workerB].map((workerId) => ({
      id: `chk-${workerId}`,
      credential_id: `cred-${workerId}`,
      worker_id: workerId,
      source: 'nppes',
      next_due_at: new Date('2026-01-01T00:00:00Z'),
    })),
  };
};

/** A changed `verification.completed` event about one worker's check. */
const aCompletedEvent = (
  workerId: string,
  overrides: Partial<VerificationCompleted> = {},
): VerificationCompleted => ({
  type: 'verification.completed',
  requestId: `req-${workerId}`,
  resultId: `res-${workerId}`,
  checkId: `chk-${workerId}`,
  source: 'nppes',
  workerId,
  credentialId: `cred-${workerId}`,
  outcome: 'flagged',
  previousOutcome: 'clear',
  changed: true,
  findingCodes: ['exclusion'],
  receiptKey: null,
  adapterVersion: 'nppes@test',
  checkedAt: '2026-06-01T10:00:00.000Z',
  ...overrides,
});

export { aCompletedEvent, makeTenancyRoster, tenancyIds };
