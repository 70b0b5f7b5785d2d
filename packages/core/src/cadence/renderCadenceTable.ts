import { SOURCES } from '../topology/sources';
import {
  CADENCE_POLICY,
  type CadencePolicy,
  type CadenceTrigger,
  DAY,
  HOUR,
  VERIFIED_OUTCOMES,
} from './policy';
import { CADENCE_SCHEDULES } from './schedules';

const CREDENTIAL_WORDS = {
  npi: 'NPI',
  exclusion_screen: 'exclusion screening',
  license: 'license',
} as const;

const TRIGGER_WORDS: Record<CadenceTrigger, string> = {
  'new-list': 'at once when a new list is loaded',
  'change-notice': 'on each change the source reports',
};

/** 28 days, 12 h, 15 min: the largest unit that divides evenly. */
const duration = (ms: number): string => {
  if (ms % DAY === 0) return `${ms / DAY} day${ms === DAY ? '' : 's'}`;
  if (ms % HOUR === 0) return `${ms / HOUR} h`;

  return `${Math.round(ms / 60_000)} min`;
};

const listWords = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const expiryWords = (days: readonly number[]): string => {
  const before = days.filter((d) => d >= 0).map(String);
  const after = days.filter((d) => d < 0).map((d) => String(-d));
  const parts = [
    before.length > 0 ? `${listWords(before)} days before` : '',
    after.length > 0
      ? `${listWords(after)} day${after.join() === '1' ? '' : 's'} after`
      : '',
  ];

  return parts.filter((p) => p !== '').join('; ') || '-';
};

const row = (policy: CadencePolicy): string => {
  const source =
    policy.source === '*'
      ? 'any license source'
      : `${SOURCES[policy.source].title} (\`${policy.source}\`)`;
  const when = [
    `every ${duration(policy.baseIntervalMs)}`,
    ...policy.triggers.map((t) => TRIGGER_WORDS[t]),
  ].join('; ');
  const retry = `${duration(policy.retryBaseMs)}, doubling up to ${duration(policy.retryCapMs)}, with jitter`;
  const cells = [
    source,
    CREDENTIAL_WORDS[policy.credential],
    when,
    duration(policy.adverseIntervalMs),
    retry,
    expiryWords(policy.expiryCheckDays),
    duration(policy.windowMs),
    policy.basis,
  ];

  return `| ${cells.join(' | ')} |`;
};

/**
 * The cadence policy as a markdown table for the README, generated from
 * `CADENCE_POLICY` and `CADENCE_SCHEDULES` so the two cannot drift (a
 * test checks that the README holds exactly this text).
 */
const renderCadenceTable = (
  policies: readonly CadencePolicy[] = CADENCE_POLICY,
): string =>
  [
    '| source | credential | re-checked | after flagged or needs_review | after source_unavailable | extra checks around expiry | overdue when not verified for | why |',
    '|---|---|---|---|---|---|---|---|',
    ...policies.map(row),
    '',
    `The sweep looks for due checks on \`${CADENCE_SCHEDULES.sweep}\`; bulk lists are fetched on \`${CADENCE_SCHEDULES.listRefresh}\` and change notices asked for on \`${CADENCE_SCHEDULES.changeNotices}\` (EventBridge, UTC). Expiry checks fall at 12:00 UTC. A check counts as verified when the source answered (${VERIFIED_OUTCOMES.map((o) => `\`${o}\``).join(', ')}).`,
  ].join('\n');

export { renderCadenceTable };
