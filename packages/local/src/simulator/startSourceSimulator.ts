import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Log, silentLog } from '../../../core/src/log/logger';
import {
  BOARDS,
  type BoardSourceId,
} from '../../../core/src/sources/board-saas/boards';
import type {
  BoardBehaviour,
  BoardSimulation,
  LeieBehaviour,
  NppesBehaviour,
  NursysBehaviour,
  SamBehaviour,
} from './behaviours';
import {
  boardBehaviourKey,
  isBoardAgentAccepted,
  respondBoard,
} from './respondBoard';
import {
  type ResolvedLeieBehaviour,
  resolveLeieBehaviour,
  respondLeie,
} from './respondLeie';
import { type Defer, respondNppes } from './respondNppes';
import {
  createNursysResponder,
  NURSYS_PATHS,
  type NursysResponderConfig,
} from './respondNursys';
import { respondSam } from './respondSam';
import { sendResponse, tapResponse } from './sendResponse';
import {
  requestKey,
  type ServedResponse,
  type SimulatedFault,
  type SimulatorFaults,
  sha256Hex,
  truncateBody,
} from './simulatorFaults';

/** Options of {@link startSourceSimulator}. */
interface SourceSimulatorConfig {
  /** Behaviour per NPI; unknown NPIs answer "no results". */
  nppes?: Record<string, NppesBehaviour>;
  /** The LEIE download; without it the route answers 404. */
  leie?: LeieBehaviour;
  /** SAM.gov behaviour per lookup key (see `samBehaviourKey`). */
  sam?: Record<string, SamBehaviour>;
  /** Nursys behaviours per license key, pending polls, notifications. */
  nursys?: NursysResponderConfig;
  /** State boards of the SaaS, by source id; unlisted boards find nothing. */
  boards?: Partial<Record<BoardSourceId, BoardSimulation>>;
  /** Delay of `slow` behaviours without their own (default 30 s). */
  slowDelayMs?: number;
  log?: Log;
  /** Clock for default Last-Modified values. */
  now?: () => Date;
  /** Seeded faults on every route (the chaos run). */
  faults?: SimulatorFaults;
}

/** Requests received, per route (refused ones included). */
interface SimulatorCounters {
  nppes: number;
  leie: number;
  sam: number;
  nursys: number;
  /** Every state board's searches together. */
  board: number;
  /** Paths that match no route. */
  unknown: number;
  /** Refused for a missing or curl user agent. */
  refused: number;
}

/** One request as the simulator saw it, for assertions. */
interface RecordedRequest {
  route: 'nppes' | 'leie' | 'sam' | 'nursys' | 'board' | 'unknown';
  method: string;
  path: string;
  query: URLSearchParams;
  userAgent: string | undefined;
  /** The fault served instead of the answer, when faults are on. */
  fault?: SimulatedFault | null;
}

/** A running source simulator. */
interface SourceSimulator {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  baseUrl: string;
  port: number;
  /** Live counters; see {@link SourceSimulator.resetCounters}. */
  requests: SimulatorCounters;
  received: readonly RecordedRequest[];
  /** Every complete answer sent, with its SHA-256 and fault. */
  served: readonly ServedResponse[];
  /** Sets (or, with `undefined`, removes) the behaviour of one NPI. */
  setNppesBehaviour(npi: string, behaviour: NppesBehaviour | undefined): void;
  setLeieBehaviour(behaviour: LeieBehaviour | undefined): void;
  /** Sets (or removes) the behaviour of one SAM lookup key. */
  setSamBehaviour(key: string, behaviour: SamBehaviour | undefined): void;
  /** Sets (or removes) the behaviour of one Nursys license key. */
  setNursysBehaviour(key: string, behaviour: NursysBehaviour | undefined): void;
  /** Sets the changes the Nursys notification lookup reports. */
  setNursysNotifications(notifications: Record<string, unknown>[]): void;
  /** Sets (or removes) a board's failure for one keyword. */
  setBoardBehaviour(
    board: BoardSourceId,
    keyword: string,
    behaviour: BoardBehaviour | undefined,
  ): void;
  /** Replaces a board's registry. */
  setBoardRegistrants(
    board: BoardSourceId,
    registrants: readonly Record<string, unknown>[],
  ): void;
  /** Publishes a new LEIE full file (new validators unless given). */
  setLeieBody(
    body: Uint8Array | string,
    validators?: { etag?: string; lastModified?: Date },
  ): void;
  resetCounters(): void;
  /** Closes the server, its connections and any pending slow answer. */
  stop(): Promise<void>;
}

const NPPES_PATHS = new Set(['/nppes/api', '/nppes/api/']);
const LEIE_PATH = '/oig-leie/exclusions/downloadables/UPDATED.csv';
const SAM_PATH = '/sam/entity-information/v4/exclusions';

/** The simulator path of a board's search: `/<id><searchPath>`. */
const boardPath = (board: (typeof BOARDS)[number]): string =>
  `/${board.id}${board.searchPath}`;

const boardAt = (path: string): BoardSourceId | undefined =>
  BOARDS.find((board) => boardPath(board) === path)?.id;

const routeOf = (path: string): RecordedRequest['route'] => {
  if (NPPES_PATHS.has(path)) return 'nppes';
  if (path === LEIE_PATH) return 'leie';
  if (path === SAM_PATH) return 'sam';
  if (path === NURSYS_PATHS.nurseLookup) return 'nursys';
  if (path === NURSYS_PATHS.notificationLookup) return 'nursys';
  if (boardAt(path) !== undefined) return 'board';

  return 'unknown';
};

// State-board hosts refuse curl's default agent; every simulated source
// does the same so a client that forgets its own User-Agent fails here.
const isRefusedAgent = (userAgent: string | undefined): boolean =>
  userAgent === undefined ||
  userAgent.trim() === '' ||
  /^curl\//i.test(userAgent);

/**
 * Starts an HTTP server on loopback that answers like the primary sources
 * (NPPES API, LEIE download, SAM.gov, Nursys e-Notify, the state boards'
 * SaaS search) in their real formats, with failures on demand.
 *
 * @example
 * const sim = await startSourceSimulator({
 *   nppes: { '1234567893': { kind: 'http503' } },
 * });
 * const rewrite = simulatorRewrite(sim.baseUrl);
 */
const startSourceSimulator = async (
  config: SourceSimulatorConfig = {},
): Promise<SourceSimulator> => {
  const log = config.log ?? silentLog;
  const now = config.now ?? (() => new Date());
  const slowDelayMs = config.slowDelayMs ?? 30_000;
  const nppes = new Map(Object.entries(config.nppes ?? {}));
  const sam = new Map(Object.entries(config.sam ?? {}));
  const nursys = createNursysResponder(config.nursys);
  const boards = new Map<BoardSourceId, BoardSimulation>(
    Object.entries(config.boards ?? {}) as [BoardSourceId, BoardSimulation][],
  );
  let leie: ResolvedLeieBehaviour | undefined =
    config.leie === undefined
      ? undefined
      : resolveLeieBehaviour(config.leie, now());
  const requests: SimulatorCounters = {
    nppes: 0,
    leie: 0,
    sam: 0,
    nursys: 0,
    board: 0,
    unknown: 0,
    refused: 0,
  };
  const received: RecordedRequest[] = [];
  const served: ServedResponse[] = [];
  const attempts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const deferFor =
    (req: IncomingMessage): Defer =>
    (delayMs, answer) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, delayMs);
      timer.unref();
      timers.add(timer);
      // A caller that gave up needs no answer.
      req.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const route = routeOf(url.pathname);
    const method = req.method ?? 'GET';
    const userAgent = req.headers['user-agent'];
    requests[route] += 1;
    received.push({
      route,
      method,
      path: url.pathname,
      query: url.searchParams,
      userAgent,
    });
    // Paths only: query strings may carry identifiers.
    log.debug('simulator request', { route, method, path: url.pathname });

    // Boards accept only a browser's agent or a named client's own.
    if (
      isRefusedAgent(userAgent) ||
      (route === 'board' && !isBoardAgentAccepted(userAgent))
    ) {
      requests.refused += 1;
      sendResponse(
        res,
        403,
        { 'Content-Type': 'text/html' },
        '<h1>403 Forbidden</h1>',
      );
      return;
    }
    const allowed =
      route === 'leie'
        ? ['GET', 'HEAD']
        : route === 'nursys'
          ? ['GET', 'POST']
          : ['GET'];
    if (route !== 'unknown' && !allowed.includes(method)) {
      sendResponse(res, 405, { Allow: allowed.join(', ') });
      return;
    }
    const defer = deferFor(req);
    if (config.faults !== undefined && route !== 'unknown') {
      const fault = serveWithFaults(config.faults, route, url, res, defer);
      const entry = received[received.length - 1];
      if (entry !== undefined) entry.fault = fault;
      if (fault !== null && fault !== 'malformed') return;
    }
    if (route === 'nppes') {
      respondNppes(
        res,
        url.searchParams,
        (npi) => nppes.get(npi),
        defer,
        slowDelayMs,
      );
      return;
    }
    if (route === 'leie') {
      respondLeie(req, res, leie, defer, slowDelayMs);
      return;
    }
    if (route === 'sam') {
      respondSam(res, url.searchParams, (key) => sam.get(key));
      return;
    }
    if (route === 'nursys') {
      nursys.handle(req, res, url);
      return;
    }
    if (route === 'board') {
      const id = boardAt(url.pathname);
      respondBoard(
        res,
        url.searchParams,
        id === undefined ? undefined : boards.get(id),
      );
      return;
    }
    sendResponse(res, 404, { 'Content-Type': 'text/plain' }, 'Not Found');
  };

  /**
   * Decides the fault of one request and serves it, except `malformed`,
   * which corrupts the route's own answer on its way out. Every complete
   * answer is recorded in `served`.
   */
  const serveWithFaults = (
    faults: SimulatorFaults,
    route: Exclude<RecordedRequest['route'], 'unknown'>,
    url: URL,
    res: ServerResponse,
    defer: Defer,
  ): SimulatedFault | null => {
    const key = requestKey(url);
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const fault = faults.faultFor(route, key, attempt);
    tapResponse(res, (answer) => {
      const bytes =
        fault === 'malformed' && answer.bytes.byteLength > 1
          ? truncateBody(answer.bytes, (attempt % 7) / 7)
          : answer.bytes;
      served.push({
        route,
        key,
        attempt,
        status: answer.status,
        sha256: sha256Hex(bytes),
        fault: bytes === answer.bytes && fault === 'malformed' ? null : fault,
      });

      return { ...answer, bytes };
    });

    switch (fault) {
      case 'http500':
        sendResponse(
          res,
          500,
          { 'Content-Type': 'text/html' },
          '<html><body><h1>500 Internal Server Error</h1></body></html>',
        );
        break;
      case 'http429':
        sendResponse(
          res,
          429,
          { 'Content-Type': 'application/json', 'Retry-After': '2' },
          '{"message":"Too Many Requests"}',
        );
        break;
      case 'timeout':
        defer(faults.timeoutDelayMs, () =>
          sendResponse(res, 504, { 'Content-Type': 'text/plain' }, 'late'),
        );
        break;
      default:
        break;
    }

    return fault;
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    received,
    served,
    setNppesBehaviour: (npi, behaviour) => {
      if (behaviour === undefined) nppes.delete(npi);
      else nppes.set(npi, behaviour);
    },
    setLeieBehaviour: (behaviour) => {
      leie =
        behaviour === undefined
          ? undefined
          : resolveLeieBehaviour(behaviour, now());
    },
    setSamBehaviour: (key, behaviour) => {
      if (behaviour === undefined) sam.delete(key);
      else sam.set(key, behaviour);
    },
    setNursysBehaviour: nursys.setBehaviour,
    setNursysNotifications: nursys.setNotifications,
    setBoardBehaviour: (board, keyword, behaviour) => {
      const current = boards.get(board) ?? { registrants: [] };
      const failures = { ...current.failures };
      if (behaviour === undefined) delete failures[boardBehaviourKey(keyword)];
      else failures[boardBehaviourKey(keyword)] = behaviour;
      boards.set(board, { ...current, failures });
    },
    setBoardRegistrants: (board, registrants) => {
      const current = boards.get(board) ?? { registrants: [] };
      boards.set(board, { ...current, registrants: [...registrants] });
    },
    setLeieBody: (body, validators = {}) => {
      leie = resolveLeieBehaviour({ kind: 'file', body, ...validators }, now());
    },
    resetCounters: () => {
      requests.nppes = 0;
      requests.leie = 0;
      requests.sam = 0;
      requests.nursys = 0;
      requests.board = 0;
      requests.unknown = 0;
      requests.refused = 0;
      received.length = 0;
      served.length = 0;
      attempts.clear();
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) =>
        server.close(() => resolve()),
      );
      server.closeAllConnections();
      await closed;
    },
  };
};

export type {
  RecordedRequest,
  SimulatorCounters,
  SourceSimulator,
  SourceSimulatorConfig,
};
export { startSourceSimulator };
