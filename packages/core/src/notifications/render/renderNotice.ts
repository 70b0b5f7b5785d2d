import { InvalidNoticeError, NoticeRecipientError } from './errors';
import { HTML_TEMPLATES } from './htmlTemplates';
import { ALLOWED_ROLES, NOTICE_ID, type Notice, noticeSchema } from './notice';
import { toNoticeView } from './noticeView';
import { subjectFor } from './subjectFor';
import { TEXT_TEMPLATES } from './textTemplates';

/** A notice rendered for one recipient. */
interface RenderedNotice {
  subject: string;
  html: string;
  text: string;
}

/**
 * Validates a notice, keeping values out of the error: a zod message can
 * quote the input, so only paths and issue codes are passed on.
 */
const parseNotice = (input: Notice): Notice => {
  const parsed = noticeSchema.safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
  // The id is echoed only when it is one: a malformed one could be anything.
  const noticeId = NOTICE_ID.test(String(input.noticeId))
    ? input.noticeId
    : '(invalid id)';

  throw new InvalidNoticeError(
    `Notice ${noticeId} does not match the notice schema (${issues}); fix the notifier that built it`,
    { context: { notice_id: noticeId, issues } },
  );
};

/**
 * Renders the subject, HTML and plain-text body of one notice email.
 *
 * @param input - the notice; validated again here, since it may come from
 *   a queue message or a hand-built fixture
 * @throws InvalidNoticeError when the notice does not match its schema
 * @throws NoticeRecipientError when its kind must not go to its role
 * @example
 * const { subject, html, text } = renderNotice(notice);
 */
const renderNotice = (input: Notice): RenderedNotice => {
  const notice = parseNotice(input);
  const role = notice.recipient.role;
  if (!ALLOWED_ROLES[notice.kind].includes(role)) {
    throw new NoticeRecipientError(
      `Notice ${notice.noticeId} of kind ${notice.kind} cannot go to a ${role}; it is sent to ${ALLOWED_ROLES[notice.kind].join(' or ')} recipients only`,
      { context: { notice_id: notice.noticeId, kind: notice.kind, role } },
    );
  }

  const view = toNoticeView(notice);
  const subject = subjectFor(view);
  const context = { ...view, subject };

  return {
    subject,
    html: HTML_TEMPLATES[notice.kind](context),
    text: TEXT_TEMPLATES[notice.kind](context),
  };
};

export type { RenderedNotice };
export { renderNotice };
