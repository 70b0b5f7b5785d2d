import { createNppesAdapterHandler } from './handlers/nppesAdapterHandler';
import { productionDeps } from './runtime/productionDeps';

/** Lambda entry: the NPPES adapter. */
export const handler = createNppesAdapterHandler(
  productionDeps('adapter', 'nppes-adapter'),
);
