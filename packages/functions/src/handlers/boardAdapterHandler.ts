import {
  BoardRequestError,
  boardFor,
  verificationRequestedSchema,
  verifyBoardCheck,
} from '@rovn/core';
import { sqsBatchHandler } from '../runtime/sqsBatchHandler';
import type { DepsProvider } from '../runtime/workerDeps';

/**
 * Consumes a state board's queue: one license search per request message.
 * Every board of the SaaS runs this code; the board is the one the
 * request's `source` names. A request for a source that is no configured
 * board fails (and ends in the DLQ with the reason).
 */
const createBoardAdapterHandler = (deps: DepsProvider<'s3' | 'eventBridge'>) =>
  sqsBatchHandler({
    name: 'board-adapter',
    schema: verificationRequestedSchema,
    deps,
    process: (request, d, log) => {
      const board = boardFor(request.source);
      if (board === undefined) {
        throw new BoardRequestError(
          `Request ${request.requestId} names source ${request.source}, which is not a configured board`,
          { context: { check_id: request.checkId, source: request.source } },
        );
      }

      return verifyBoardCheck(
        {
          db: d.db,
          eventBridge: d.eventBridge,
          busName: d.settings.busName,
          clock: d.clock,
          log,
          egress: d.egress,
          s3: d.s3,
          bucket: d.settings.bucket,
        },
        board,
        request,
      );
    },
  });

export { createBoardAdapterHandler };
