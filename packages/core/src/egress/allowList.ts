import { BOARDS, type BoardSourceId } from '../sources/board-saas/boards';
import { SOURCE_IDS, type SourceId } from '../topology/sources';

/**
 * One host a source may reach. Hosts are exact FQDNs in lower case without
 * a trailing dot; `includeSubdomains` must be set on purpose to widen an
 * entry to every name below the host.
 */
interface AllowListEntry {
  host: string;
  port: 443;
  includeSubdomains: boolean;
}

/** An allow-list entry together with the source that owns it. */
interface SourcedAllowListEntry extends AllowListEntry {
  source: SourceId;
}

/**
 * The state boards' hosts, one exact FQDN each, taken from the board list
 * (`sources/board-saas/boards.ts`), where each host is reviewed with its
 * board. Note: the Kansas board's SaaS host is unconfirmed (see there).
 */
const boardHosts = (): Record<BoardSourceId, readonly AllowListEntry[]> =>
  Object.fromEntries(
    BOARDS.map((board): [BoardSourceId, readonly AllowListEntry[]] => [
      board.id,
      [{ host: board.host, port: 443, includeSubdomains: false }],
    ]),
  ) as Record<BoardSourceId, readonly AllowListEntry[]>;

/**
 * The one declaration of the hosts the tier may reach, keyed by source id.
 *
 * Keys that are not yet a `SourceId` (such as `sam`) are pending: the
 * guard ignores them until the id is added to `SOURCE_IDS`, which is then
 * the only change needed. The satisfies clause makes every active source
 * declare its hosts here.
 */
const ALLOW_LIST = {
  nppes: [
    { host: 'npiregistry.cms.hhs.gov', port: 443, includeSubdomains: false },
  ],
  // The monthly UPDATED.csv lives under /exclusions/downloadables/.
  'oig-leie': [{ host: 'oig.hhs.gov', port: 443, includeSubdomains: false }],
  sam: [{ host: 'api.sam.gov', port: 443, includeSubdomains: false }],
  // Unconfirmed (SOURCES.md): the e-Notify API host is not published in
  // the material we have; confirm with Nursys before the first
  // production call and change this entry and NURSYS_API_BASE together.
  nursys: [{ host: 'api.nursys.com', port: 443, includeSubdomains: false }],
  // State boards: one exact FQDN each, from BOARDS. `board-ks` is
  // ksbn.kansas.gov, unconfirmed as the SaaS host (see boards.ts).
  ...boardHosts(),
} as const satisfies Record<SourceId, readonly AllowListEntry[]> &
  Record<string, readonly AllowListEntry[]>;

/** A source id with an allow-list entry, active or pending. */
type AllowListKey = keyof typeof ALLOW_LIST;

/** The hosts one source may reach (active or pending source). */
const hostsForSource = (source: AllowListKey): string[] =>
  ALLOW_LIST[source].map((entry) => entry.host);

/** The entries the guard enforces now: those of active sources only. */
const activeAllowList = (): SourcedAllowListEntry[] =>
  SOURCE_IDS.flatMap((source) =>
    ALLOW_LIST[source].map((entry) => ({ ...entry, source })),
  );

/** Every host the guard lets through now, without duplicates. */
const allowedHosts = (): string[] => [
  ...new Set(activeAllowList().map((entry) => entry.host)),
];

/** Tells whether a normalised host name falls under an entry. */
const entryMatches = (entry: AllowListEntry, host: string): boolean =>
  host === entry.host ||
  (entry.includeSubdomains && host.endsWith(`.${entry.host}`));

export type { AllowListEntry, AllowListKey, SourcedAllowListEntry };
export {
  ALLOW_LIST,
  activeAllowList,
  allowedHosts,
  entryMatches,
  hostsForSource,
};
