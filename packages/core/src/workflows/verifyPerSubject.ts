import type { S3Client } from '@aws-sdk/client-s3';
import { redactUrl } from '../egress/redactUrl';
import type { EgressClient } from '../egress/types';
import type { VerificationRequested } from '../events/contracts';
import { archiveReceipt } from '../receipts/archiveReceipt';
import { indexReceipt } from '../store/indexReceipt';
import { loadCheckSubject } from '../store/loadCheckSubject';
import type { RecordedResult } from '../store/recordResult';
import { classifyEgressFailure } from './classifyEgressFailure';
import { type CompleteDeps, completeCheck } from './completeCheck';
import type { PerSubjectAdapter } from './perSubjectAdapter';

interface PerSubjectDeps extends CompleteDeps {
  egress: EgressClient;
  s3: S3Client;
  bucket: string;
}

/**
 * Verifies one check against a per-subject source: precheck, call through
 * the egress guard, archive the exact bytes, classify, record, announce.
 *
 * Failures of the source end as `source_unavailable` results (retried by
 * the cadence policy); failures of our own infrastructure (database, S3,
 * bus) throw, so the message is retried and, past its budget, lands in the
 * DLQ with the reason.
 */
const verifyPerSubject = async <Parsed>(
  deps: PerSubjectDeps,
  adapter: PerSubjectAdapter<Parsed>,
  request: VerificationRequested,
): Promise<RecordedResult> => {
  const { subject } = await loadCheckSubject(deps.db, request.checkId);
  const done = { adapterVersion: adapter.version };

  const precheck = adapter.precheck(subject);
  if (precheck !== null) {
    return completeCheck(deps, request, precheck, {
      ...done,
      receiptKey: null,
    });
  }

  const call = adapter.buildRequest(subject);
  let response: Awaited<ReturnType<EgressClient['fetch']>>;
  try {
    response = await deps.egress.fetch({ ...call, source: adapter.source });
  } catch (error) {
    deps.log.warn('Source call failed', {
      check_id: request.checkId,
      source: adapter.source,
      url: redactUrl(call.url),
      error: error instanceof Error ? error.name : typeof error,
      rule: (error as { rule?: unknown }).rule,
    });

    return completeCheck(deps, request, classifyEgressFailure(error), {
      ...done,
      receiptKey: null,
    });
  }

  const receipt = await archiveReceipt(deps, {
    source: adapter.source,
    body: response.body,
    status: response.status,
    contentType: response.contentType,
    request: { method: call.method ?? 'GET', url: redactUrl(call.url) },
    fetchedAt: deps.clock(),
    adapterVersion: adapter.version,
  });
  await indexReceipt(deps.db, receipt.manifest, receipt.manifestKey);

  const parsed = adapter.parse(response);
  const classification = adapter.classify(subject, parsed, {
    now: deps.clock(),
  });

  return completeCheck(deps, request, classification, {
    ...done,
    receiptKey: receipt.key,
  });
};

export type { PerSubjectDeps };
export { verifyPerSubject };
