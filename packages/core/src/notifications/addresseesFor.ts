import type { Recipients } from '../store/recipients';
import { ALLOWED_ROLES, type NoticeKind } from './render/notice';

/** One person or mailbox a notice about a worker goes to. */
interface Addressee {
  role: 'worker' | 'facility';
  id: string;
  name: string;
  email: string;
  /** Set for facility recipients: the footer says why they hear of it. */
  facilityName?: string;
}

/**
 * Who hears about a worker's credential for a kind of notice: the worker
 * and the facilities with an active engagement, each only when the kind
 * may go to that role (a possible match never reaches the worker).
 */
const addresseesFor = (
  kind: NoticeKind,
  recipients: Recipients,
): Addressee[] => {
  const allowed = ALLOWED_ROLES[kind];
  const worker: Addressee[] = allowed.includes('worker')
    ? [
        {
          role: 'worker',
          id: recipients.worker.id,
          name: recipients.worker.displayName,
          email: recipients.worker.email,
        },
      ]
    : [];
  const facilities: Addressee[] = allowed.includes('facility')
    ? recipients.facilities.map((f) => ({
        role: 'facility',
        id: f.id,
        name: `${f.name} credentialing`,
        email: f.email,
        facilityName: f.name,
      }))
    : [];

  return [...worker, ...facilities];
};

export type { Addressee };
export { addresseesFor };
