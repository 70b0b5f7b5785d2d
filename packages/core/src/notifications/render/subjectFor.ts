import type { NoticeView } from './noticeView';

// Subjects show in lock screens and mailbox lists, so they carry no
// credential number and no finding; a facility sees the worker's display
// name, shortened so a very long one cannot push the point out of view.
const NAME_LIMIT = 60;

// Cut between graphemes, so an accent or an emoji is never split in half.
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

const shorten = (value: string): string => {
  const characters = Array.from(
    GRAPHEMES.segment(value),
    (part) => part.segment,
  );

  return characters.length <= NAME_LIMIT
    ? value
    : `${characters.slice(0, NAME_LIMIT - 1).join('')}…`;
};

/** The subject line of a rendered notice, as plain text. */
const subjectFor = (view: NoticeView): string => {
  const worker = shorten(view.workerName);

  switch (view.kind) {
    case 'flagged':
      return view.forWorker
        ? 'Action needed: a check of your credential found an issue'
        : `Credential alert for ${worker}: an issue was found`;
    case 'expired':
      return view.forWorker
        ? 'Action needed: your credential shows as expired'
        : `Credential expired for ${worker}`;
    case 'expiring':
      return view.forWorker
        ? `Reminder: your credential expires ${view.daysPhrase}`
        : `Credential expiring ${view.daysPhrase} for ${worker}`;
    case 'needs_review':
      return `Review needed: possible match for ${worker}`;
    case 'source_unavailable':
      return `Source unavailable: ${shorten(view.sourceTitle)}`;
    case 'facility_unreachable':
      return `Facility unreachable by email: ${shorten(view.facilityName)}`;
  }
};

export { subjectFor };
