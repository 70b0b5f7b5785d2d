import type { Classification } from '../domain/classification';
import { finding } from '../domain/finding';
import type { VerificationRequested } from '../events/contracts';
import { buildLeieIndex } from '../sources/oig-leie/buildLeieIndex';
import { screenSubject } from '../sources/oig-leie/screenSubject';
import type { LeieRecord } from '../sources/oig-leie/types';
import {
  type CurrentLeieList,
  currentLeieList,
  loadLeieRecords,
} from '../store/leieLists';
import { loadCheckSubject } from '../store/loadCheckSubject';
import type { RecordedResult } from '../store/recordResult';
import { type CompleteDeps, completeCheck } from './completeCheck';

/** Bump when screening rules change. */
const LEIE_ADAPTER_VERSION = 'oig-leie-2';

/**
 * A list the refresh job has not confirmed for this long is stale: OIG
 * publishes monthly, so 35 days means at least one update was missed.
 */
const STALE_AFTER_MS = 35 * 24 * 3_600_000;

type LeieIndex = ReturnType<typeof buildLeieIndex>;

/**
 * Keeps the index of the current list between invocations; a new list id
 * replaces it. Building the index once per list keeps screening cheap.
 */
class LeieIndexCache {
  #listId: number | null = null;
  #index: LeieIndex | null = null;

  async get(
    list: CurrentLeieList,
    load: () => Promise<LeieRecord[]>,
  ): Promise<LeieIndex> {
    if (this.#listId !== list.id || this.#index === null) {
      this.#index = buildLeieIndex(await load());
      this.#listId = list.id;
    }

    return this.#index;
  }
}

interface LeieScreenDeps extends CompleteDeps {
  cache: LeieIndexCache;
}

const unavailable = (code: string, detail: string): Classification => ({
  outcome: 'source_unavailable',
  findings: [finding(code, detail)],
});

/**
 * Screens one worker against the stored LEIE list. Without a loaded list,
 * or with one the refresh job has not confirmed lately, the outcome is
 * `source_unavailable`: an absent or old list never yields `clear`.
 */
const screenLeieCheck = async (
  deps: LeieScreenDeps,
  request: VerificationRequested,
): Promise<RecordedResult> => {
  const { subject } = await loadCheckSubject(deps.db, request.checkId);
  const list = await currentLeieList(deps.db);
  const now = deps.clock();
  const version = { adapterVersion: LEIE_ADAPTER_VERSION };

  if (list === null) {
    return completeCheck(
      deps,
      request,
      unavailable('list_unavailable', 'No LEIE list has been loaded yet'),
      { ...version, receiptKey: null },
    );
  }
  if (now.getTime() - list.checkedAt.getTime() > STALE_AFTER_MS) {
    return completeCheck(
      deps,
      request,
      unavailable(
        'list_stale',
        `The LEIE list was last confirmed ${list.checkedAt.toISOString()}`,
      ),
      { ...version, receiptKey: list.receiptKey },
    );
  }

  const index = await deps.cache.get(
    list,
    async () => (await loadLeieRecords(deps.db, list.id)) as LeieRecord[],
  );
  const classification = screenSubject(subject, index, {
    listDate: list.loadedAt.toISOString().slice(0, 10),
    today: now.toISOString().slice(0, 10),
  });

  return completeCheck(deps, request, classification, {
    ...version,
    receiptKey: list.receiptKey,
  });
};

export type { LeieScreenDeps };
export { LEIE_ADAPTER_VERSION, LeieIndexCache, screenLeieCheck };
