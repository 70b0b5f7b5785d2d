import { applySesFeedback, parseSesFeedback } from '@rovn/core';
import * as z from 'zod';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/**
 * Consumes the SES feedback queue (fed by the feedback topic): bounces and
 * complaints, in either SES shape, maintain the suppression list.
 */
const createSesFeedbackHandler = (deps: DepsProvider<never>) =>
  sqsBatchHandler({
    name: 'ses-feedback',
    schema: z.unknown(),
    deps,
    process: (body, d, log) =>
      applySesFeedback(
        { db: d.db, clock: d.clock, log },
        parseSesFeedback(body, d.clock()),
      ),
  });

export { createSesFeedbackHandler };
