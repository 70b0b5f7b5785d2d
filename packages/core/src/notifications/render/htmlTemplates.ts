import { compileTemplates } from './compileTemplates';

// Mail clients drop <style> blocks and external sheets, so every style is
// inline, the layout is tables, and widths are capped for phones. Every
// value goes through Handlebars' escaping `{{ }}`; user-supplied text sits
// in a `dir="auto"` span so a right-to-left name lays out on its own.

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const WRAP = 'word-break:break-word;overflow-wrap:anywhere;';
const P = 'margin:0 0 16px;';

const layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background-color:#ffffff;border:1px solid #d9dce1;border-radius:6px;">
<tr><td style="padding:24px;${FONT}font-size:16px;line-height:1.5;color:#1f2933;${WRAP}">
<p style="${P}font-size:13px;color:#52606d;">Rōvn Passport</p>
<p style="${P}">Hello {{> user value=recipientName}},</p>
{{> @partial-block}}
{{#if hasFindings}}
<p style="margin:16px 0 8px;font-weight:bold;">What the source reported</p>
<ul style="${P}padding-left:20px;">
{{#each findings}}
<li dir="auto" style="margin:0 0 6px;${WRAP}">{{text}}</li>
{{/each}}
</ul>
{{/if}}
<p style="margin:24px 0;"><a href="{{appUrl}}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">Open in Rōvn Passport</a></p>
<p style="${P}font-size:13px;color:#52606d;">If the button does not work, copy this address into your browser: <span style="word-break:break-all;">{{appUrl}}</span></p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #d9dce1;${FONT}font-size:12px;line-height:1.5;color:#52606d;${WRAP}">
{{> footer}}
<br>Reference: {{noticeId}}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

const user = `<span dir="auto" style="${WRAP}">{{value}}</span>`;

const footer = `{{#if forWorker}}
You receive this because you hold this credential and Rōvn Passport keeps it verified for the facilities you work with.
{{/if}}
{{#if forFacility}}
You receive this because {{> user value=facilityName}} employs {{> user value=workerName}} and you are a credentialing contact of {{> user value=facilityName}}.
{{/if}}
{{#if forOperator}}
You receive this because you operate Rōvn Passport's verification workers.
{{/if}}`;

const flagged = `{{#if forWorker}}
<p style="${P}">When we checked your {{> user value=credentialLabel}} with {{> user value=sourceTitle}} on {{checkedOn}}, the source reported an issue that needs your attention.</p>
<p style="${P}">Please open Rōvn Passport to see the details. If you believe the source is wrong, contact the body that issued the credential to correct its record, and let your facility's credentialing team know.</p>
{{else}}
<p style="${P}">When we checked the {{> user value=credentialLabel}} held by {{> user value=workerName}} with {{> user value=sourceTitle}} on {{checkedOn}}, the source reported an issue.</p>
<p style="${P}">Please review the finding in Rōvn Passport before {{> user value=workerName}} is next scheduled to work.</p>
{{/if}}`;

const expired = `{{#if forWorker}}
<p style="${P}">Your {{> user value=credentialLabel}} shows as expired or inactive at {{> user value=sourceTitle}} (checked on {{checkedOn}}).{{#if hasExpiresOn}} It expired on {{expiresOn}}.{{/if}}</p>
<p style="${P}">Please renew it with the body that issued it, then upload the renewal in Rōvn Passport so we can verify it again.</p>
{{else}}
<p style="${P}">The {{> user value=credentialLabel}} held by {{> user value=workerName}} shows as expired or inactive at {{> user value=sourceTitle}} (checked on {{checkedOn}}).{{#if hasExpiresOn}} It expired on {{expiresOn}}.{{/if}}</p>
<p style="${P}">Until a renewal is verified, Rōvn Passport does not show this credential as valid.</p>
{{/if}}`;

const expiring = `{{#if forWorker}}
<p style="${P}">Your {{> user value=credentialLabel}} expires on {{expiresOn}}, {{daysPhrase}}. {{> user value=sourceTitle}} still showed it as valid on {{checkedOn}}.</p>
<p style="${P}">Please renew it before then and upload the renewal in Rōvn Passport, so your facilities see no gap.</p>
{{else}}
<p style="${P}">The {{> user value=credentialLabel}} held by {{> user value=workerName}} expires on {{expiresOn}}, {{daysPhrase}}. {{> user value=sourceTitle}} still showed it as valid on {{checkedOn}}.</p>
<p style="${P}">You can follow the renewal in Rōvn Passport.</p>
{{/if}}`;

const needsReview = `<p style="${P}">When we checked the {{> user value=credentialLabel}} held by {{> user value=workerName}} with {{> user value=sourceTitle}} on {{checkedOn}}, the source returned a possible match that a person must review.</p>
<p style="${P}">Until someone at {{> user value=facilityName}} confirms or dismisses the match, Rōvn Passport does not show this credential as clear.</p>`;

const sourceUnavailable = `<p style="${P}">We could not consult {{> user value=sourceTitle}} on {{checkedOn}}.</p>
{{#if hasOutage}}
<p style="${P}">{{failingChecks}} check(s) of this source are failing; the longest has failed {{longestStreak}} time(s) in a row{{#if failingSince}}, since {{failingSince}}{{/if}}.</p>
{{/if}}
<p style="${P}">The check is retried. No result is reported as clear until the source answers; if this keeps happening, look at the source's queue and its dead-letter queue.</p>`;

const facilityUnreachable = `<p style="${P}">A notice for {{> user value=facilityName}} was not sent: the facility's notification address is on the suppression list after a bounce or a complaint, and the facility has no other address.</p>
<p style="${P}">Ask {{> user value=facilityName}} for a working address, update it in Rōvn Passport, and then take the old address off the suppression list.</p>`;

/** The compiled HTML template of every notice kind. */
const HTML_TEMPLATES = compileTemplates(
  {
    layout,
    partials: { user, footer },
    bodies: {
      flagged,
      expired,
      expiring,
      needs_review: needsReview,
      source_unavailable: sourceUnavailable,
      facility_unreachable: facilityUnreachable,
    },
  },
  { escapeHtml: true },
);

export { HTML_TEMPLATES };
