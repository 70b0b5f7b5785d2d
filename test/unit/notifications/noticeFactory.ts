import type { Outcome } from '../../../packages/core/src/domain/outcome';
import type {
  Notice,
  NoticeKind,
  RecipientRole,
} from '../../../packages/core/src/notifications/render/notice';

const OUTCOME_OF: Record<NoticeKind, Outcome> = {
  flagged: 'flagged',
  expired: 'expired',
  needs_review: 'needs_review',
  expiring: 'clear',
  source_unavailable: 'source_unavailable',
  facility_unreachable: 'flagged',
};

const FINDINGS_OF: Record<NoticeKind, Notice['findings']> = {
  flagged: [
    { code: 'exclusion', text: 'Listed on the exclusion list since 2019.' },
  ],
  expired: [
    { code: 'license_inactive', text: 'The board lists it as lapsed.' },
  ],
  needs_review: [
    { code: 'name_mismatch', text: 'The family name at the source differs.' },
  ],
  expiring: [],
  source_unavailable: [
    { code: 'source_error', text: 'The source answered HTTP 503 three times.' },
  ],
  facility_unreachable: [],
};

const RECIPIENT_OF: Record<RecipientRole, Notice['recipient']> = {
  worker: {
    role: 'worker',
    name: 'Maren Okafor',
    email: 'maren.okafor@mail.example',
  },
  facility: {
    role: 'facility',
    name: 'Priya Lindqvist',
    email: 'credentialing@lakeside.example',
  },
  operator: { role: 'operator', name: 'On-call', email: 'ops@rovn.example' },
};

/** A valid notice of `kind` for `role`, made-up people only. */
const aNotice = (
  kind: NoticeKind,
  role: RecipientRole,
  overrides: Partial<Notice> = {},
): Notice => ({
  kind,
  noticeId: `ntc_${kind}_${role}`,
  recipient: RECIPIENT_OF[role],
  worker: { displayName: 'Maren Okafor' },
  facility: { name: 'Lakeside General' },
  credential: { label: 'RN license (OH)' },
  source: { title: 'Ohio Board of Nursing' },
  outcome: OUTCOME_OF[kind],
  findings: FINDINGS_OF[kind],
  checkedAt: '2026-03-12T14:05:00Z',
  ...(kind === 'expiring'
    ? { expiresOn: '2026-04-30', daysUntilExpiry: 49 }
    : {}),
  appUrl: 'https://app.rovn.example/workers/w_123',
  ...overrides,
});

export { aNotice };
