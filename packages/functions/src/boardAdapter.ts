import { createBoardAdapterHandler } from './handlers/boardAdapterHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the state board adapter (every board of the SaaS). */
export const handler = createBoardAdapterHandler(
  productionDeps('adapter', 'board-adapter'),
);
