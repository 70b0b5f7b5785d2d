import type { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import { redactUrl } from '../egress/redactUrl';
import type { EgressClient } from '../egress/types';
import { RovnError } from '../errors';
import type { Log } from '../log/logger';
import { archiveReceipt } from '../receipts/archiveReceipt';
import { LEIE_UPDATED_URL } from '../sources/oig-leie/leieUrls';
import { parseLeieCsv } from '../sources/oig-leie/parseLeieCsv';
import { indexReceipt } from '../store/indexReceipt';
import {
  currentLeieList,
  markSourceDue,
  replaceLeieList,
  touchLeieList,
} from '../store/leieLists';
import type { Database } from '../store/schema';
import { LEIE_ADAPTER_VERSION } from './screenLeieCheck';

/** The download did not give a usable list; the old list stays current. */
class LeieRefreshError extends RovnError {
  override readonly name: string = 'LeieRefreshError';
}

/**
 * The largest share of rows a new list may have lost against the current
 * one. OIG's full list changes by a few hundred rows a month, a fraction
 * of a percent of its ~80 000; losing more is far likelier a download cut
 * at a line end (which parses as a valid, shorter list) than real
 * reinstatements.
 */
const MAX_LIST_SHRINK = 0.02;

/**
 * A downloaded list parsed but has far fewer rows than the current one;
 * it is refused and the current list stays in use. Carries both counts.
 */
class LeieListShrankError extends LeieRefreshError {
  override readonly name = 'LeieListShrankError';

  constructor(rows: number, previousRows: number) {
    super(
      `The LEIE download has ${rows} rows against ${previousRows} in the current list (more than ${MAX_LIST_SHRINK * 100}% fewer); it was refused as a probably cut download and the current list stays in use. Check the file at OIG; its receipt is archived.`,
      { context: { rows, previous_rows: previousRows } },
    );
  }
}

interface RefreshDeps {
  db: Kysely<Database>;
  egress: EgressClient;
  s3: S3Client;
  bucket: string;
  clock: () => Date;
  log: Log;
}

type RefreshReport =
  | { status: 'unchanged'; listId: number }
  | {
      status: 'loaded';
      listId: number;
      rows: number;
      receiptKey: string;
      checksMadeDue: number;
    };

/**
 * Downloads the LEIE full list when it changed, archives it, loads it and
 * makes every LEIE check due so workers are screened against it.
 *
 * The request is conditional (ETag, Last-Modified): a 304 only records
 * that the current list is confirmed. The bytes are archived before they
 * are parsed, so even a refused file is kept as evidence; the stored list
 * is replaced only when the whole file parsed and has not lost more than
 * `MAX_LIST_SHRINK` of the current list's rows.
 *
 * @throws LeieRefreshError for a non-200 answer; LeieListShrankError for
 *   a list that shrank too much; LeieFormatError for a file that breaks a
 *   format rule. The current list stays in use after each of them, and the
 *   failed run is logged and fails the invocation, so operators see it.
 */
const refreshLeieList = async (deps: RefreshDeps): Promise<RefreshReport> => {
  const current = await currentLeieList(deps.db);
  const headers: Record<string, string> = {};
  if (current?.etag) headers['if-none-match'] = current.etag;
  if (current?.lastModified)
    headers['if-modified-since'] = current.lastModified;

  const response = await deps.egress.fetch({
    source: 'oig-leie',
    url: LEIE_UPDATED_URL,
    method: 'GET',
    headers,
    accept: ['text/csv', 'application/octet-stream', 'text/plain'],
  });
  const now = deps.clock();

  if (response.status === 304 && current !== null) {
    await touchLeieList(deps.db, current.id, now);
    deps.log.info('LEIE list unchanged', { list_id: current.id });

    return { status: 'unchanged', listId: current.id };
  }
  if (response.status !== 200) {
    throw new LeieRefreshError(
      `LEIE download answered HTTP ${response.status}; the current list stays in use`,
      {
        context: { status: response.status, url: redactUrl(LEIE_UPDATED_URL) },
      },
    );
  }

  const receipt = await archiveReceipt(deps, {
    source: 'oig-leie',
    body: response.body,
    status: response.status,
    contentType: response.contentType,
    request: { method: 'GET', url: redactUrl(LEIE_UPDATED_URL) },
    fetchedAt: now,
    adapterVersion: LEIE_ADAPTER_VERSION,
  });
  await indexReceipt(deps.db, receipt.manifest, receipt.manifestKey);

  const records = parseLeieCsv(response.body);
  if (
    current !== null &&
    records.length < current.rowCount * (1 - MAX_LIST_SHRINK)
  ) {
    deps.log.error('LEIE list refused: far fewer rows than the current list', {
      list_id: current.id,
      rows: records.length,
      previous_rows: current.rowCount,
      receipt_key: receipt.key,
    });
    throw new LeieListShrankError(records.length, current.rowCount);
  }
  const list = await replaceLeieList(deps.db, {
    receiptKey: receipt.key,
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    loadedAt: now,
    records,
  });
  const checksMadeDue = await markSourceDue(deps.db, 'oig-leie', now);
  deps.log.info('LEIE list loaded', {
    list_id: list.id,
    rows: list.rowCount,
    receipt_key: receipt.key,
    checks_made_due: checksMadeDue,
  });

  return {
    status: 'loaded',
    listId: list.id,
    rows: list.rowCount,
    receiptKey: receipt.key,
    checksMadeDue,
  };
};

export type { RefreshDeps, RefreshReport };
export {
  LeieListShrankError,
  LeieRefreshError,
  MAX_LIST_SHRINK,
  refreshLeieList,
};
