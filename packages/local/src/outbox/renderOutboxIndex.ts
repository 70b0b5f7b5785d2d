import Handlebars from 'handlebars';

/** One row of the outbox index: one email and its two files. */
interface OutboxIndexRow {
  sentAt: string;
  kind: string;
  to: string;
  subject: string;
  /** File names relative to the index (already safe, see writeOutbox). */
  htmlFile: string;
  emlFile: string;
}

// Subjects and addresses come from whatever the notifier sent, so every
// value is escaped by `{{ }}`; the page has no script and a policy that
// would refuse one anyway.
const INDEX_SOURCE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rōvn outbox: {{count}} email(s)</title>
</head>
<body style="font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f2933;">
<h1 style="font-size:20px;">Rōvn outbox: {{count}} email(s)</h1>
<table style="border-collapse:collapse;width:100%;">
<thead>
<tr>
<th style="text-align:left;border-bottom:1px solid #d9dce1;padding:6px;">Sent at (UTC)</th>
<th style="text-align:left;border-bottom:1px solid #d9dce1;padding:6px;">Kind</th>
<th style="text-align:left;border-bottom:1px solid #d9dce1;padding:6px;">To</th>
<th style="text-align:left;border-bottom:1px solid #d9dce1;padding:6px;">Subject</th>
<th style="text-align:left;border-bottom:1px solid #d9dce1;padding:6px;">Files</th>
</tr>
</thead>
<tbody>
{{#each rows}}
<tr>
<td style="padding:6px;border-bottom:1px solid #eef0f2;white-space:nowrap;">{{sentAt}}</td>
<td style="padding:6px;border-bottom:1px solid #eef0f2;">{{kind}}</td>
<td style="padding:6px;border-bottom:1px solid #eef0f2;word-break:break-all;">{{to}}</td>
<td dir="auto" style="padding:6px;border-bottom:1px solid #eef0f2;word-break:break-word;">{{subject}}</td>
<td style="padding:6px;border-bottom:1px solid #eef0f2;white-space:nowrap;"><a href="{{htmlFile}}">HTML</a> · <a href="{{emlFile}}">.eml</a></td>
</tr>
{{/each}}
</tbody>
</table>
</body>
</html>
`;

const handlebars = Handlebars.create();
const indexTemplate = handlebars.compile<{
  count: number;
  rows: readonly OutboxIndexRow[];
}>(handlebars.parse(INDEX_SOURCE), { strict: true });

/** The `index.html` of an outbox folder, listing the rows in order. */
const renderOutboxIndex = (rows: readonly OutboxIndexRow[]): string =>
  indexTemplate({ count: rows.length, rows });

export type { OutboxIndexRow };
export { renderOutboxIndex };
