import { createSesFeedbackHandler } from './handlers/sesFeedbackHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: SES bounce and complaint feedback. */
export const handler = createSesFeedbackHandler(
  productionDeps('sesFeedback', 'ses-feedback', {}),
);
