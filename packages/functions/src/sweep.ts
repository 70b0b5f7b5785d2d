import { SNSClient } from '@aws-sdk/client-sns';
import { createSweepHandler } from './handlers/sweepHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the scheduled sweep. */
export const handler = createSweepHandler(
  productionDeps('sweep', 'sweep', {
    sns: (region) => new SNSClient({ region }),
  }),
);
