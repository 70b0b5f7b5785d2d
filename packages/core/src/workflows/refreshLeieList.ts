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
  override readonly name = 'LeieRefreshError';
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
 * is replaced only when the whole file parsed.
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
export { LeieRefreshError, refreshLeieList };
