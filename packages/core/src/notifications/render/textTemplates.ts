import { compileTemplates } from './compileTemplates';

// The plain-text part says what the HTML says, for clients that show no
// HTML and for screen readers that prefer text. Values are cleaned of
// control characters before they get here (see toNoticeView), so a name
// cannot forge a line of its own.

const layout = `Rōvn Passport

Hello {{recipientName}},

{{> @partial-block}}
{{#if hasFindings}}

What the source reported:
{{#each findings}}
- {{text}}
{{/each}}
{{/if}}

Open in Rōvn Passport: {{appUrl}}

--
{{> footer}}
Reference: {{noticeId}}
`;

const footer = `{{#if forWorker}}
You receive this because you hold this credential and Rōvn Passport keeps it verified for the facilities you work with.
{{/if}}
{{#if forFacility}}
You receive this because {{facilityName}} employs {{workerName}} and you are a credentialing contact of {{facilityName}}.
{{/if}}
{{#if forOperator}}
You receive this because you operate Rōvn Passport's verification workers.
{{/if}}`;

const flagged = `{{#if forWorker}}
When we checked your {{credentialLabel}} with {{sourceTitle}} on {{checkedOn}}, the source reported an issue that needs your attention.

Please open Rōvn Passport to see the details. If you believe the source is wrong, contact the body that issued the credential to correct its record, and let your facility's credentialing team know.
{{else}}
When we checked the {{credentialLabel}} held by {{workerName}} with {{sourceTitle}} on {{checkedOn}}, the source reported an issue.

Please review the finding in Rōvn Passport before {{workerName}} is next scheduled to work.
{{/if}}`;

const expired = `{{#if forWorker}}
Your {{credentialLabel}} shows as expired or inactive at {{sourceTitle}} (checked on {{checkedOn}}).{{#if hasExpiresOn}} It expired on {{expiresOn}}.{{/if}}

Please renew it with the body that issued it, then upload the renewal in Rōvn Passport so we can verify it again.
{{else}}
The {{credentialLabel}} held by {{workerName}} shows as expired or inactive at {{sourceTitle}} (checked on {{checkedOn}}).{{#if hasExpiresOn}} It expired on {{expiresOn}}.{{/if}}

Until a renewal is verified, Rōvn Passport does not show this credential as valid.
{{/if}}`;

const expiring = `{{#if forWorker}}
Your {{credentialLabel}} expires on {{expiresOn}}, {{daysPhrase}}. {{sourceTitle}} still showed it as valid on {{checkedOn}}.

Please renew it before then and upload the renewal in Rōvn Passport, so your facilities see no gap.
{{else}}
The {{credentialLabel}} held by {{workerName}} expires on {{expiresOn}}, {{daysPhrase}}. {{sourceTitle}} still showed it as valid on {{checkedOn}}.

You can follow the renewal in Rōvn Passport.
{{/if}}`;

const needsReview = `When we checked the {{credentialLabel}} held by {{workerName}} with {{sourceTitle}} on {{checkedOn}}, the source returned a possible match that a person must review.

Until someone at {{facilityName}} confirms or dismisses the match, Rōvn Passport does not show this credential as clear.
`;

const sourceUnavailable = `We could not consult {{sourceTitle}} on {{checkedOn}}.
{{#if hasOutage}}

{{failingChecks}} check(s) of this source are failing; the longest has failed {{longestStreak}} time(s) in a row{{#if failingSince}}, since {{failingSince}}{{/if}}.
{{/if}}

The check is retried. No result is reported as clear until the source answers; if this keeps happening, look at the source's queue and its dead-letter queue.
`;

const facilityUnreachable = `A notice for {{facilityName}} was not sent: the facility's notification address is on the suppression list after a bounce or a complaint, and the facility has no other address.

Ask {{facilityName}} for a working address, update it in Rōvn Passport, and then take the old address off the suppression list.
`;

/** The compiled plain-text template of every notice kind. */
const TEXT_TEMPLATES = compileTemplates(
  {
    layout,
    partials: { footer },
    bodies: {
      flagged,
      expired,
      expiring,
      needs_review: needsReview,
      source_unavailable: sourceUnavailable,
      facility_unreachable: facilityUnreachable,
    },
  },
  { escapeHtml: false },
);

export { TEXT_TEMPLATES };
