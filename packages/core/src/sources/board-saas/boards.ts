/**
 * The state boards served by the common licensing SaaS. Adding a board of
 * the same SaaS is one entry here: its source id, queue, function,
 * allow-list host, egress limits, replayer and simulator route all follow
 * from this list.
 */

/** How one board names the license types a subject may hold. */
type LicenseTypeNames = Readonly<Record<string, readonly string[]>>;

/**
 * One board hosted on the SaaS. `Id` narrows to the configured source ids
 * once the board is in `BOARDS` (see `ConfiguredBoard`).
 */
interface BoardConfig<Id extends string = `board-${string}`> {
  /** Source id (`board-<jurisdiction>`); also the queue and function name. */
  id: Id;
  /** The jurisdiction whose licenses the board issues (`KS`). */
  jurisdiction: string;
  /** Exact FQDN of the board's search; port 443. */
  host: string;
  /** Path of the `registrant/search` endpoint on that host. */
  searchPath: string;
  /** Human name used in emails and reports. */
  title: string;
  /**
   * License type codes a subject's credential may carry, each with every
   * spelling the board's records use for it (compared in upper case).
   */
  licenseTypes: LicenseTypeNames;
}

/** Nursing license types as nursing boards on the SaaS spell them. */
const NURSING_LICENSE_TYPES: LicenseTypeNames = {
  RN: ['RN', 'REGISTERED NURSE', 'REGISTERED PROFESSIONAL NURSE'],
  LPN: ['LPN', 'PN', 'LICENSED PRACTICAL NURSE'],
  APRN: ['APRN', 'ADVANCED PRACTICE REGISTERED NURSE'],
  RNA: ['RNA', 'REGISTERED NURSE ANESTHETIST'],
};

/**
 * The configured boards. Each `id` must be unique and start with
 * `board-`; each host is an exact production FQDN (it goes on the egress
 * allow-list as is).
 */
const BOARDS = [
  {
    id: 'board-ks',
    jurisdiction: 'KS',
    // Unconfirmed: the SaaS host that serves the Kansas board's public
    // search has not been checked against the live service. Confirm it
    // (and the path) before the first deployment; see README, Known
    // limitations.
    host: 'ksbn.kansas.gov',
    searchPath: '/api/registrant/search',
    title: 'Kansas State Board of Nursing',
    licenseTypes: NURSING_LICENSE_TYPES,
  },
] as const satisfies readonly BoardConfig[];

/** The source id of a configured board. */
type BoardSourceId = (typeof BOARDS)[number]['id'];

/** A board of `BOARDS`: its id is a source id. */
type ConfiguredBoard = BoardConfig<BoardSourceId>;

/** Every configured board's source id, in list order. */
const BOARD_SOURCE_IDS: readonly BoardSourceId[] = BOARDS.map(
  (board) => board.id,
);

/** Tells whether a source id names a configured board. */
const isBoardSource = (source: string): source is BoardSourceId =>
  (BOARD_SOURCE_IDS as readonly string[]).includes(source);

/** The configuration of a board, or undefined for any other source id. */
const boardFor = (source: string): ConfiguredBoard | undefined =>
  BOARDS.find((board) => board.id === source);

export type { BoardConfig, BoardSourceId, ConfiguredBoard, LicenseTypeNames };
export {
  BOARD_SOURCE_IDS,
  BOARDS,
  boardFor,
  isBoardSource,
  NURSING_LICENSE_TYPES,
};
