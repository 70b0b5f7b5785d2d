import * as z from 'zod';
import { type Outcome, outcomeSchema } from '../../domain/outcome';
import { isoDate } from '../../domain/subject';
import { hasDateLike } from './userText';

/** The kinds of email the notifier sends. */
const NOTICE_KINDS = [
  'flagged',
  'expired',
  'needs_review',
  'expiring',
  'source_unavailable',
  'facility_unreachable',
] as const;

/** Who an email is written for. */
const RECIPIENT_ROLES = ['worker', 'facility', 'operator'] as const;

type NoticeKind = (typeof NOTICE_KINDS)[number];
type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/**
 * Which roles may receive each kind. A possible match (`needs_review`) is
 * for the facility's reviewers to decide, not for the worker; a source
 * outage is an operator's problem and says nothing about the worker; a
 * facility whose address is suppressed is an operator's problem too.
 */
const ALLOWED_ROLES: Readonly<Record<NoticeKind, readonly RecipientRole[]>> = {
  flagged: ['worker', 'facility'],
  expired: ['worker', 'facility'],
  needs_review: ['facility'],
  expiring: ['worker', 'facility'],
  source_unavailable: ['operator'],
  facility_unreachable: ['operator'],
};

/** Kinds about no one worker: they carry no worker and no credential. */
const OPERATOR_KINDS: readonly NoticeKind[] = [
  'source_unavailable',
  'facility_unreachable',
];

/**
 * The outcome each kind may carry. A credential about to expire is still
 * `clear`; an email must never tell someone "expiring soon" about a check
 * that is flagged.
 */
const KIND_OUTCOMES: Readonly<Record<NoticeKind, readonly Outcome[]>> = {
  flagged: ['flagged'],
  expired: ['expired'],
  needs_review: ['needs_review'],
  expiring: ['clear'],
  source_unavailable: ['source_unavailable'],
  // The outcome of the notice the facility could not be sent.
  facility_unreachable: ['flagged', 'expired', 'needs_review', 'clear'],
};

// Names and labels never carry a date; one that does is most likely a date
// of birth glued onto a name by a caller, so it is refused.
const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !hasDateLike(value), 'must not contain a date');

/** The shape of a notice id: safe in a header, a log line and a file name. */
const NOTICE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    const url = URL.parse(value);

    return (
      url !== null &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === ''
    );
  }, 'must be an http(s) URL without credentials');

/**
 * One email to one recipient, PHI-minimal by construction: objects are
 * strict, so a stray `dateOfBirth` (or any other unknown field) is refused
 * rather than silently carried along.
 */
const noticeSchema = z
  .strictObject({
    kind: z.enum(NOTICE_KINDS),
    /** Unique per recipient; also the email's `X-Rovn-Notice-Id`. */
    noticeId: z.string().regex(NOTICE_ID),
    recipient: z.strictObject({
      role: z.enum(RECIPIENT_ROLES),
      name: label(500),
      email: z.email(),
    }),
    /** Absent from operator notices, which are about no one worker. */
    worker: z.strictObject({ displayName: label(500) }).optional(),
    facility: z.strictObject({ name: label(500) }).optional(),
    /** What was checked, e.g. `NPI 1234567893` or `RN license (OH)`. */
    credential: z.strictObject({ label: label(200) }).optional(),
    source: z.strictObject({ title: label(200) }),
    outcome: outcomeSchema,
    findings: z
      .array(
        z.strictObject({
          code: z.string().min(1).max(100),
          text: z.string().trim().min(1).max(2000),
        }),
      )
      .max(50),
    checkedAt: z.iso.datetime({ offset: true }),
    expiresOn: isoDate.optional(),
    daysUntilExpiry: z.number().int().min(0).max(3650).optional(),
    /** How bad a source outage is, for `source_unavailable`. */
    outage: z
      .strictObject({
        failingChecks: z.number().int().min(1),
        longestStreak: z.number().int().min(1),
        failingSince: z.iso.datetime({ offset: true }).optional(),
      })
      .optional(),
    /** A link into the app; only http(s) is ever put in an href. */
    appUrl: httpUrl,
  })
  .superRefine((notice, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });

    if (!KIND_OUTCOMES[notice.kind].includes(notice.outcome)) {
      issue('outcome', `does not fit a ${notice.kind} notice`);
    }
    const aboutWorker = !OPERATOR_KINDS.includes(notice.kind);
    if (aboutWorker && notice.worker === undefined) {
      issue('worker', `is required for a ${notice.kind} notice`);
    }
    if (aboutWorker && notice.credential === undefined) {
      issue('credential', `is required for a ${notice.kind} notice`);
    }
    if (
      notice.kind === 'facility_unreachable' &&
      notice.facility === undefined
    ) {
      issue('facility', 'is required for a facility_unreachable notice');
    }
    if (notice.recipient.role === 'facility' && notice.facility === undefined) {
      issue('facility', 'is required for a facility recipient');
    }
    if (
      (notice.kind === 'flagged' || notice.kind === 'needs_review') &&
      notice.findings.length === 0
    ) {
      issue('findings', `must explain a ${notice.kind} notice`);
    }
    if (
      notice.kind === 'expiring' &&
      (notice.expiresOn === undefined || notice.daysUntilExpiry === undefined)
    ) {
      issue('expiresOn', 'and daysUntilExpiry are required when expiring');
    }
  });

/** One email to one recipient (see `noticeSchema`). */
type Notice = z.infer<typeof noticeSchema>;

export type { Notice, NoticeKind, RecipientRole };
export {
  ALLOWED_ROLES,
  KIND_OUTCOMES,
  NOTICE_ID,
  NOTICE_KINDS,
  noticeSchema,
  OPERATOR_KINDS,
  RECIPIENT_ROLES,
};
