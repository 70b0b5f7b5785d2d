import type { Notice, NoticeKind } from './notice';
import { cleanUserText, withholdDates } from './userText';

/**
 * What the templates see: every value a template names is present (they
 * compile in strict mode), already cleaned, and dates are formatted once
 * here so the HTML and the text part say the same thing.
 */
interface NoticeView {
  kind: NoticeKind;
  forWorker: boolean;
  forFacility: boolean;
  forOperator: boolean;
  recipientName: string;
  workerName: string;
  facilityName: string;
  hasFacility: boolean;
  credentialLabel: string;
  sourceTitle: string;
  checkedOn: string;
  expiresOn: string;
  hasExpiresOn: boolean;
  daysPhrase: string;
  findings: { code: string; text: string }[];
  hasFindings: boolean;
  hasOutage: boolean;
  failingChecks: number;
  longestStreak: number;
  /** When the longest-failing check last stopped answering; '' unknown. */
  failingSince: string;
  appUrl: string;
  noticeId: string;
}

const LONG_DATE = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeZone: 'UTC',
});

const TIME = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** `2026-04-30` as `April 30, 2026`, read as a calendar day in UTC. */
const formatDay = (isoDay: string): string =>
  LONG_DATE.format(new Date(`${isoDay}T00:00:00Z`));

/** When the source was consulted, as `March 12, 2026 at 14:05 UTC`. */
const formatCheckedAt = (checkedAt: string): string => {
  const instant = new Date(checkedAt);

  return `${LONG_DATE.format(instant)} at ${TIME.format(instant)} UTC`;
};

/** `today`, `tomorrow` or `in 12 days`; '' when the notice has no count. */
const daysPhraseFor = (days: number | undefined): string => {
  if (days === undefined) {
    return '';
  }
  if (days === 0) {
    return 'today';
  }

  return days === 1 ? 'tomorrow' : `in ${days} days`;
};

/** Builds the template view of a notice that already passed its schema. */
const toNoticeView = (notice: Notice): NoticeView => {
  const checkedOn = formatCheckedAt(notice.checkedAt);
  const expiresOn =
    notice.expiresOn === undefined ? '' : formatDay(notice.expiresOn);
  // A finding may state the expiry date or the day of the check; every
  // other date in its text is withheld (see withholdDates).
  const allowedDates = [
    notice.checkedAt.slice(0, 10),
    LONG_DATE.format(new Date(notice.checkedAt)),
    ...(notice.expiresOn === undefined ? [] : [notice.expiresOn, expiresOn]),
  ];
  const findings = notice.findings.map((found) => ({
    code: cleanUserText(found.code),
    text: withholdDates(cleanUserText(found.text), allowedDates),
  }));

  return {
    kind: notice.kind,
    forWorker: notice.recipient.role === 'worker',
    forFacility: notice.recipient.role === 'facility',
    forOperator: notice.recipient.role === 'operator',
    recipientName: cleanUserText(notice.recipient.name),
    workerName: cleanUserText(notice.worker?.displayName ?? ''),
    facilityName: cleanUserText(notice.facility?.name ?? ''),
    hasFacility: notice.facility !== undefined,
    credentialLabel: cleanUserText(notice.credential?.label ?? ''),
    sourceTitle: cleanUserText(notice.source.title),
    checkedOn,
    expiresOn,
    hasExpiresOn: expiresOn !== '',
    daysPhrase: daysPhraseFor(notice.daysUntilExpiry),
    findings,
    hasFindings: findings.length > 0,
    hasOutage: notice.outage !== undefined,
    failingChecks: notice.outage?.failingChecks ?? 0,
    longestStreak: notice.outage?.longestStreak ?? 0,
    failingSince:
      notice.outage?.failingSince === undefined
        ? ''
        : formatCheckedAt(notice.outage.failingSince),
    appUrl: new URL(notice.appUrl).href,
    noticeId: notice.noticeId,
  };
};

export type { NoticeView };
export { toNoticeView };
