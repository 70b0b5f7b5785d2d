import { notifyChange, verificationCompletedSchema } from '@rovn/core';
import * as z from 'zod';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/** The bus delivers the whole EventBridge envelope to the queue. */
const busEnvelopeSchema = z
  .object({ detail: verificationCompletedSchema })
  .transform((envelope) => envelope.detail);

/** Consumes the notifications queue: emails each changed outcome once. */
const createNotifierHandler = (deps: DepsProvider<'ses'>) =>
  sqsBatchHandler({
    name: 'notifier',
    schema: busEnvelopeSchema,
    deps,
    process: (event, d, log) =>
      notifyChange(
        {
          db: d.db,
          ses: d.ses,
          from: d.settings.sesFrom,
          configurationSet: d.settings.configurationSet,
          appBaseUrl: d.settings.appBaseUrl,
          operatorEmail: d.settings.operatorEmail,
          ...(d.settings.noticeStaleAfterMs === undefined
            ? {}
            : { staleAfterMs: d.settings.noticeStaleAfterMs }),
          clock: d.clock,
          log,
        },
        event,
      ),
  });

export { createNotifierHandler };
